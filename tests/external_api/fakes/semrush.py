"""Semrush's Analytics API as documented (developer.semrush.com/api): answers are lines of
semicolon-separated values whose first line names the columns asked for in `export_columns`,
or one error line (`ERROR <code> :: <MESSAGE>`), served as text/plain with a 200."""

import httpx

API = "https://api.semrush.com"
ANALYTICS_URL = f"{API}/"
BACKLINKS_URL = f"{API}/analytics/v1/"
UNITS_URL = "https://www.semrush.com/users/countapiunits.html"
API_KEY = "0123456789abcdef0123456789abcdef"
DOMAIN = "bakery.example"

# type=domain_ranks, export_columns=Dn,Rk,Or,Ot,Oc
DOMAIN_RANKS = (
    "Domain;Rank;Organic Keywords;Organic Traffic;Organic Cost\r\n"
    "bakery.example;48211;1520;8734;2195.5\r\n"
)
# type=domain_organic, export_columns=Ph,Po,Nq,Tr,Ur
DOMAIN_ORGANIC = (
    "Keyword;Position;Search Volume;Traffic (%);Url\r\n"
    "sourdough near me;3;12100;21.4;https://bakery.example/sourdough\r\n"
    "birthday cakes denver;7;2900;4.12;https://bakery.example/cakes\r\n"
)
# type=backlinks_overview, export_columns=ascore,total,domains_num
BACKLINKS_OVERVIEW = "ascore;total;domains_num\r\n34;5821;312\r\n"
NOTHING_FOUND = "ERROR 50 :: NOTHING FOUND"
WRONG_KEY = "ERROR 120 :: WRONG KEY - ID PAIR"


def text_answer(body: str, status: int = 200) -> httpx.Response:
    return httpx.Response(status, text=body, headers={"content-type": "text/plain; charset=utf-8"})


def by_type(answers: dict[str, str]):
    """One URL serves every report type: answer by the `type` asked."""

    def answer(request: httpx.Request) -> httpx.Response:
        return text_answer(answers[request.url.params["type"]])

    return answer
