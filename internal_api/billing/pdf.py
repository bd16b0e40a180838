"""An invoice printed as a PDF by the platform's one PDF engine (`shared.utilities.pdf`):
rendered from a Jinja template with autoescape (names come from accounts), amounts shown in
major units with their currency."""

from jinja2 import Environment, select_autoescape

from shared.domain.billing import repository as billing
from shared.domain.payments.money import Money
from shared.models.billing_invoice import BillingInvoice
from shared.utilities.pdf import html_to_pdf

TEMPLATE = """<!doctype html>
<html><head><meta charset="utf-8"><style>
body { font-family: sans-serif; font-size: 12px; margin: 32px; }
table { width: 100%; border-collapse: collapse; margin-top: 24px; }
td, th { padding: 6px; border-bottom: 1px solid #ddd; text-align: left; }
.amount { text-align: right; }
</style></head><body>
<h1>{{ seller }}</h1>
<p>Invoice {{ invoice.number }} &middot; {{ invoice.created_at.strftime("%Y-%m-%d") }}
 &middot; {{ invoice.status.value }}</p>
<p>Billed to: {{ customer }}</p>
<table>
<tr><th>Description</th><th>Period</th><th class="amount">Amount</th></tr>
{% for line in invoice.lines %}
<tr><td>{{ line.description }}</td>
<td>{% if line.period_start %}{{ line.period_start.strftime("%Y-%m-%d") }} to
{{ line.period_end.strftime("%Y-%m-%d") }}{% endif %}</td>
<td class="amount">{{ money(line.amount) }}</td></tr>
{% endfor %}
<tr><td colspan="2">Subtotal</td><td class="amount">{{ money(invoice.subtotal) }}</td></tr>
{% if invoice.discount %}<tr><td colspan="2">Discount</td>
<td class="amount">-{{ money(invoice.discount) }}</td></tr>{% endif %}
{% if invoice.tax_rate_name %}<tr><td colspan="2">{{ invoice.tax_rate_name }}
({{ invoice.tax_basis_points / 100 }}%{% if invoice.tax_inclusive %}, included{% endif %})</td>
<td class="amount">{{ money(invoice.tax) }}</td></tr>{% endif %}
<tr><th colspan="2">Total</th><th class="amount">{{ money(invoice.total) }}</th></tr>
{% if invoice.amount_refunded %}<tr><td colspan="2">Refunded</td>
<td class="amount">{{ money(invoice.amount_refunded) }}</td></tr>{% endif %}
</table></body></html>"""

environment = Environment(autoescape=select_autoescape(default=True, default_for_string=True))
template = environment.from_string(TEMPLATE)


async def invoice_html(invoice: BillingInvoice) -> str:
    seller = await billing.account(invoice.account_id)
    customer = await billing.account(invoice.customer_account_id)
    seller_name = "" if seller is None else seller.branding.name or seller.name

    def money(amount: int) -> str:
        return Money(amount, invoice.currency).display()

    return template.render(
        invoice=invoice,
        seller=seller_name if invoice.seller.value == "agency" else "Platform fee",
        customer=customer.name if customer else "",
        money=money,
    )


async def invoice_pdf(invoice: BillingInvoice, chromium_path: str) -> bytes:
    return await html_to_pdf(await invoice_html(invoice), chromium_path=chromium_path)
