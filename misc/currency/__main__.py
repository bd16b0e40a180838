from misc.currency.app import create_app
from misc.currency.settings import CurrencySettings
from shared.utilities.server import serve

serve(create_app, CurrencySettings)
