"""Twilio's REST API (2010-04-01) as documented: the account, Messages, AvailablePhoneNumbers,
IncomingPhoneNumbers; and the form bodies of its inbound-SMS and status callbacks."""

API = "https://api.twilio.com/2010-04-01"
ACCOUNT_SID = "AC" + "0123456789abcdef" * 2
AUTH_TOKEN = "twilio-auth-token-0123456789ab"
NUMBER = "+15105647903"
CUSTOMER = "+14155552345"
MESSAGE_SID = "SM" + "abcdef0123456789" * 2

ACCOUNT_URL = f"{API}/Accounts/{ACCOUNT_SID}.json"
MESSAGES_URL = f"{API}/Accounts/{ACCOUNT_SID}/Messages.json"
AVAILABLE_URL = f"{API}/Accounts/{ACCOUNT_SID}/AvailablePhoneNumbers/US/Local.json"
INCOMING_URL = f"{API}/Accounts/{ACCOUNT_SID}/IncomingPhoneNumbers.json"

ACCOUNT = {
    "sid": ACCOUNT_SID,
    "friendly_name": "Dee's Doughnuts",
    "status": "active",
    "type": "Full",
}


def message(to: str = CUSTOMER, sender: str = NUMBER, body: str = "Your order is ready") -> dict:
    return {
        "account_sid": ACCOUNT_SID,
        "api_version": "2010-04-01",
        "body": body,
        "date_created": "Thu, 24 Aug 2023 05:01:45 +0000",
        "date_sent": None,
        "date_updated": "Thu, 24 Aug 2023 05:01:45 +0000",
        "direction": "outbound-api",
        "error_code": None,
        "error_message": None,
        "from": sender,
        "messaging_service_sid": None,
        "num_media": "0",
        "num_segments": "1",
        "price": None,
        "price_unit": None,
        "sid": MESSAGE_SID,
        "status": "queued",
        "to": to,
        "uri": f"/2010-04-01/Accounts/{ACCOUNT_SID}/Messages/{MESSAGE_SID}.json",
    }


AVAILABLE = {
    "available_phone_numbers": [
        {
            "address_requirements": "none",
            "beta": False,
            "capabilities": {"mms": True, "sms": True, "voice": True},
            "friendly_name": "(510) 564-7903",
            "iso_country": "US",
            "lata": "722",
            "latitude": "37.857300",
            "locality": "Oakland",
            "longitude": "-122.260800",
            "phone_number": NUMBER,
            "postal_code": "94703",
            "rate_center": "OKLD TRNID",
            "region": "CA",
        }
    ],
    "end": 1,
    "first_page_uri": f"/2010-04-01/Accounts/{ACCOUNT_SID}/AvailablePhoneNumbers/US/Local.json",
    "next_page_uri": None,
    "page": 0,
    "page_size": 50,
    "previous_page_uri": None,
    "start": 0,
    "uri": f"/2010-04-01/Accounts/{ACCOUNT_SID}/AvailablePhoneNumbers/US/Local.json",
}

BOUGHT = {
    "account_sid": ACCOUNT_SID,
    "capabilities": {"mms": True, "sms": True, "voice": True},
    "date_created": "Thu, 30 Jul 2015 23:19:04 +0000",
    "friendly_name": "(510) 564-7903",
    "phone_number": NUMBER,
    "sid": "PN" + "fedcba9876543210" * 2,
    "sms_method": "POST",
    "sms_url": "",
    "status": "in-use",
}


def inbound_sms(to: str = NUMBER, sender: str = CUSTOMER, body: str = "Is it ready?") -> dict:
    """The POST parameters of an incoming message webhook."""
    return {
        "ToCountry": "US",
        "ToState": "CA",
        "SmsMessageSid": MESSAGE_SID,
        "NumMedia": "0",
        "ToCity": "OAKLAND",
        "FromZip": "94105",
        "SmsSid": MESSAGE_SID,
        "FromState": "CA",
        "SmsStatus": "received",
        "FromCity": "SAN FRANCISCO",
        "Body": body,
        "FromCountry": "US",
        "To": to,
        "ToZip": "94703",
        "NumSegments": "1",
        "MessageSid": MESSAGE_SID,
        "AccountSid": ACCOUNT_SID,
        "From": sender,
        "ApiVersion": "2010-04-01",
    }


def status_callback(status: str = "delivered", error_code: str | None = None) -> dict:
    form = {
        "SmsSid": MESSAGE_SID,
        "SmsStatus": status,
        "MessageStatus": status,
        "To": CUSTOMER,
        "MessageSid": MESSAGE_SID,
        "AccountSid": ACCOUNT_SID,
        "From": NUMBER,
        "ApiVersion": "2010-04-01",
    }
    if error_code:
        form["ErrorCode"] = error_code
    return form


CALL_SID = "CA" + "0123456789abcdef" * 2


def call_status_callback(status: str = "completed", duration: str | None = "61") -> dict:
    """The POST parameters of a call's status callback (an inbound call to the number);
    `CallDuration`, in seconds, comes with `completed` only."""
    form = {
        "CallSid": CALL_SID,
        "AccountSid": ACCOUNT_SID,
        "From": CUSTOMER,
        "To": NUMBER,
        "CallStatus": status,
        "ApiVersion": "2010-04-01",
        "Direction": "inbound",
        "CallerName": "",
        "Timestamp": "Thu, 24 Aug 2023 05:03:12 +0000",
        "CallbackSource": "call-progress-events",
        "SequenceNumber": "0",
    }
    if duration is not None:
        form["CallDuration"] = duration
    return form
