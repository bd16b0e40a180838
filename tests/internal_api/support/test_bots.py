"""The support bot's first answer: chosen by the most keywords matched whole, else its
fallback; read at start-up from bots.json or the file the settings name."""

import json

import pytest

from internal_api.support.bots import DEFAULT_FILE, Bot, load_bot
from tests.internal_api.support.conftest import CONVERSATIONS
from tests.support_factories import create_support

BOT = Bot.model_validate(
    {
        "answers": [
            {"intent": "billing", "keywords": ["invoice", "refund"], "answer": "Billing"},
            {"intent": "login", "keywords": ["password", "log in"], "answer": "Login"},
            {"intent": "invoices", "keywords": ["invoice"], "answer": "Invoices"},
        ],
        "fallback": "Soon",
    }
)


def test_the_answer_matching_the_most_keywords_wins():
    assert BOT.answer_for("A refund for my INVOICE, and my password") == "Billing"


def test_among_equals_the_first_in_the_file_wins():
    assert BOT.answer_for("my invoice") == "Billing"


def test_a_keyword_matches_only_whole():
    assert BOT.answer_for("I cannot log into invoiceless mode") == "Soon"


def test_a_phrase_keyword_matches():
    assert BOT.answer_for("I cannot log in") == "Login"


def test_without_a_fallback_nothing_matching_gets_no_answer():
    bot = Bot(answers=BOT.answers)

    assert bot.answer_for("hello") is None


def test_the_repositorys_bots_json_is_valid():
    bot = load_bot(DEFAULT_FILE)

    assert bot.answers and bot.fallback


def test_a_file_naming_an_unknown_placeholder_is_refused(tmp_path):
    broken = tmp_path / "bots.json"
    broken.write_text(json.dumps({"fallback": "Hi {{ nmae }}"}))

    with pytest.raises(RuntimeError, match="unknown placeholders: nmae"):
        load_bot(broken)


async def test_the_settings_file_replaces_the_default_answers(start_api, tmp_path):
    answers = tmp_path / "bots.json"
    answers.write_text(json.dumps({"fallback": "Hello {{ account_name }}, from our bot."}))
    support = await create_support()

    async with start_api(support_bots_file=str(answers)) as api:
        response = await api.post(
            CONVERSATIONS, json={"subject": "Hi", "body": "Hi"}, headers=support.customer.headers
        )

    assert response.json()["last_message"]["body"] == "Hello Acme, from our bot."
