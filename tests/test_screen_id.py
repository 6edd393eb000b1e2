"""画面ID (P5): the manual prints one on お客様情報入力 alone; the harness knows each screen by <body data-screen>."""

from tests.forms import text


def test_a_画面id_shows_only_where_the_manual_prints_one(app, client, seed):
    """§4 of issue 16 / P5: 「画面ID : SID001」 on お客様情報入力; no other screen prints its catalogue ID."""
    assert "画面ID : SID001" in text(client.get("/netbank/customer-info"))
    for path, screen in (
        ("/", "S-TOP"),
        ("/netbank/login", "S-LOGIN"),
        ("/netbank/first-login", "S-LOGIN1"),
        ("/app/download", "A-DL"),
    ):
        page = text(client.get(path))
        assert f'data-screen="{screen}"' in page and "画面ID" not in page, path
