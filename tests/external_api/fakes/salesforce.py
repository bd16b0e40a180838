"""Salesforce's OAuth web server flow and REST API as documented (developer.salesforce.com):
token answers with `instance_url` and the identity URL, SOQL query pages (`done`,
`nextRecordsUrl`), Contact records, the `sobjects` create answer, and an outbound message's
SOAP envelope."""

TOKEN_URL = "https://login.salesforce.com/services/oauth2/token"
INSTANCE = "https://acme.my.salesforce.com"
API = f"{INSTANCE}/services/data/v59.0"
QUERY_ALL_URL = f"{API}/queryAll"
CONTACTS_URL = f"{API}/sobjects/Contact"
CLIENT_ID = "3MVG9salesforce.consumer.key"
CLIENT_SECRET = "salesforce-consumer-secret"
ORG = "00D5e000000HkLmEAK"


def token_answer(access_token: str = "00D5e000000HkLm!AQ0AQ-salesforce-access") -> dict:
    return {
        "access_token": access_token,
        "refresh_token": "5Aep861salesforce-refresh",
        "signature": "zv4tF0ZFcbgaR2A1nKx3KCaPlBiDxDOz8PdFJy8E9Zg=",
        "scope": "refresh_token api",
        "instance_url": INSTANCE,
        "id": f"https://login.salesforce.com/id/{ORG}/0055e000004ZxyzAAC",
        "token_type": "Bearer",
        "issued_at": "1709287200000",
    }


def contact(
    contact_id: str,
    first: str,
    last: str,
    email: str,
    modified: str = "2024-03-01T10:00:00.000+0000",
) -> dict:
    return {
        "attributes": {
            "type": "Contact",
            "url": f"/services/data/v59.0/sobjects/Contact/{contact_id}",
        },
        "Id": contact_id,
        "IsDeleted": False,
        "FirstName": first,
        "LastName": last,
        "Email": email,
        "Phone": None,
        "LastModifiedDate": modified,
    }


def query_page(records: list[dict], next_url: str | None = None) -> dict:
    answer = {"totalSize": 3, "done": next_url is None, "records": records}
    if next_url:
        answer["nextRecordsUrl"] = next_url
    return answer


def outbound_message(
    contact_id: str, org: str = ORG, notification_id: str = "04l5e000000Abc1AAC"
) -> bytes:
    return f"""<?xml version="1.0" encoding="UTF-8"?>
<soapenv:Envelope xmlns:soapenv="http://schemas.xmlsoap.org/soap/envelope/"
    xmlns:xsd="http://www.w3.org/2001/XMLSchema" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">
 <soapenv:Body>
  <notifications xmlns="http://soap.sforce.com/2005/09/outbound">
   <OrganizationId>{org}</OrganizationId>
   <ActionId>04k5e000000Xyz9AAC</ActionId>
   <SessionId xsi:nil="true"/>
   <EnterpriseUrl>{INSTANCE}/services/Soap/c/59.0/{org[:15]}</EnterpriseUrl>
   <PartnerUrl>{INSTANCE}/services/Soap/u/59.0/{org[:15]}</PartnerUrl>
   <Notification>
    <Id>{notification_id}</Id>
    <sObject xsi:type="sf:Contact" xmlns:sf="urn:sobject.enterprise.soap.sforce.com">
     <sf:Id>{contact_id}</sf:Id>
     <sf:FirstName>Augusta</sf:FirstName>
    </sObject>
   </Notification>
  </notifications>
 </soapenv:Body>
</soapenv:Envelope>""".encode()
