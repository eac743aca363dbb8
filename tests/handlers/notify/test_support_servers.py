"""The test servers others rely on: the Slack-like webhook answers like Slack; the SMTP server records mail."""

from __future__ import annotations

import smtplib
from email.message import EmailMessage

import httpx
import pytest
from support.slack_server import SlackServer, block_kit_problems
from support.smtp_server import SmtpServer


def test_slack_server_answers_like_slack(slack_server: SlackServer) -> None:
    with httpx.Client() as http:
        assert (r := http.post(slack_server.url, json={"text": "hi"})).status_code == 200 and r.text == "ok"
        assert http.post(slack_server.url, content=b"not json").text == "invalid_payload"
        assert http.post(slack_server.url, json={"username": "x"}).text == "no_text"
        bad = {"blocks": [{"type": "header", "text": {"type": "plain_text", "text": "x" * 151}}]}
        assert http.post(slack_server.url, json=bad).text == "invalid_blocks"
        wrong = http.post(slack_server.base_url + "/services/other", json={"text": "hi"})
        assert (wrong.status_code, wrong.text) == (404, "no_service")
    assert slack_server.delivered == [{"text": "hi"}]
    assert len(slack_server.payloads) == 3  # JSON POSTs to the webhook path, whatever the answer
    assert [r.status for r in slack_server.requests] == [200, 400, 400, 400, 404]


def test_slack_server_scripts_answers_in_order(slack_server: SlackServer) -> None:
    slack_server.rate_limit(times=2, retry_after=3)
    slack_server.fail(503)
    slack_server.reject("channel_is_archived", status=410)
    with httpx.Client() as http:
        answers = [http.post(slack_server.url, json={"text": str(i)}) for i in range(5)]
    assert [a.status_code for a in answers] == [429, 429, 503, 410, 200]
    assert answers[0].headers["Retry-After"] == "3"
    assert answers[3].text == "channel_is_archived"
    assert slack_server.delivered == [{"text": "4"}]
    slack_server.reset()
    assert slack_server.requests == []


async def test_slack_server_wait_for(slack_server: SlackServer) -> None:
    async with httpx.AsyncClient() as http:
        await http.post(slack_server.url, json={"text": "a"})
    assert await slack_server.wait_for(1) == [{"text": "a"}]
    with pytest.raises(TimeoutError):
        await slack_server.wait_for(2, timeout=0.05)


def test_block_kit_problems_accepts_our_shapes() -> None:
    ok = [
        {"type": "header", "text": {"type": "plain_text", "text": "h"}},
        {"type": "section", "fields": [{"type": "mrkdwn", "text": "f"}]},
        {"type": "context", "elements": [{"type": "mrkdwn", "text": "c"}]},
    ]
    assert block_kit_problems(ok) == []
    assert block_kit_problems([{"type": "section"}]) == ["block 0: section without text or fields"]


async def test_smtp_server_records_parsed_messages(smtp_server: SmtpServer) -> None:
    msg = EmailMessage()
    msg["Subject"], msg["From"], msg["To"] = "hello", "a@example.org", "b@example.org"
    msg.set_content("body")
    smtp_server.enqueue("451 4.3.0 Try again later")
    with smtplib.SMTP(smtp_server.host, smtp_server.port, timeout=5) as client:
        with pytest.raises(smtplib.SMTPDataError):
            client.send_message(msg)
        client.send_message(msg)
    [mail] = await smtp_server.wait_for(1)
    assert (mail.mail_from, mail.rcpt_tos, mail.message["Subject"]) == ("a@example.org", ["b@example.org"], "hello")
    assert smtp_server.messages[0].get_content() == "body\r\n"  # line ends as on the wire
    assert smtp_server.refused == 1
