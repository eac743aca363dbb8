"""A real SMTP server (aiosmtpd) on 127.0.0.1 and a free port that records what it receives, for tests.

    with SmtpServer() as smtp:                        # or the `smtp_server` fixture
        smtp.enqueue("451 4.3.0 Try again later")     # the next DATA is refused, then accepted again
        ...  # CW_SMTP__HOST=smtp.host, CW_SMTP__PORT=smtp.port
        [mail] = await smtp.wait_for(1)
        assert mail.message["Subject"].startswith("[critical]")

`messages` are parsed `email.message.EmailMessage` objects (policy `email.policy.default`, so
`get_body(("plain",))` works; their text keeps the wire's CRLF line ends); `mails` also keep the envelope
sender, recipients and raw bytes.
With `auth={"user": "secret"}` the server offers AUTH (without TLS) and rejects other credentials.
"""

from __future__ import annotations

import asyncio
import email
import email.policy
import socket
import threading
import time
from collections import deque
from dataclasses import dataclass
from email.message import EmailMessage
from typing import Any

from aiosmtpd.controller import Controller
from aiosmtpd.smtp import AuthResult, Envelope, LoginPassword, Session

ACCEPTED = "250 2.0.0 Message accepted for delivery"


@dataclass(frozen=True)
class Mail:
    mail_from: str
    rcpt_tos: list[str]
    raw: bytes
    message: EmailMessage


class _Handler:
    def __init__(self, owner: SmtpServer) -> None:
        self._owner = owner

    async def handle_DATA(self, server: Any, session: Session, envelope: Envelope) -> str:
        return self._owner._received(envelope)


class _Authenticator:
    def __init__(self, accounts: dict[str, str]) -> None:
        self._accounts = accounts

    def __call__(self, server: Any, session: Session, envelope: Envelope, mechanism: str, data: Any) -> AuthResult:
        if isinstance(data, LoginPassword):
            user, password = data.login.decode(), data.password.decode()
            if self._accounts.get(user) == password:
                return AuthResult(success=True, auth_data=user)
        return AuthResult(success=False, handled=False)


class SmtpServer:
    def __init__(self, *, auth: dict[str, str] | None = None, host: str = "127.0.0.1") -> None:
        self.host = host
        self._auth = auth
        self._lock = threading.Lock()
        self._script: deque[str] = deque()
        self._mails: list[Mail] = []
        self._refused = 0
        self._controller: Controller | None = None
        self.port = 0

    def start(self) -> SmtpServer:
        last: OSError | None = None
        for _ in range(5):  # a free port can be taken between probing and binding: try another
            self.port = _free_port(self.host)
            controller = Controller(_Handler(self), hostname=self.host, port=self.port, **self._auth_kwargs())
            try:
                controller.start()
            except (OSError, RuntimeError) as exc:
                last = OSError(str(exc))
                continue
            self._controller = controller
            return self
        raise OSError(f"could not start the SMTP server: {last}")

    def _auth_kwargs(self) -> dict[str, Any]:
        if self._auth is None:
            return {}
        return {"authenticator": _Authenticator(self._auth), "auth_require_tls": False}

    def stop(self) -> None:
        if self._controller is not None:
            self._controller.stop()
            self._controller = None

    def __enter__(self) -> SmtpServer:
        return self.start()

    def __exit__(self, *exc: object) -> None:
        self.stop()

    def enqueue(self, reply: str, times: int = 1) -> None:
        """Answer the next `times` DATA commands with this reply, e.g. "451 4.3.0 Try again" or "554 No"."""
        with self._lock:
            self._script.extend([reply] * times)

    def reset(self) -> None:
        with self._lock:
            self._script.clear()
            self._mails.clear()
            self._refused = 0

    @property
    def mails(self) -> list[Mail]:
        """Messages accepted (250), in order."""
        with self._lock:
            return list(self._mails)

    @property
    def messages(self) -> list[EmailMessage]:
        return [m.message for m in self.mails]

    @property
    def refused(self) -> int:
        """How many DATA commands were answered with a scripted refusal."""
        with self._lock:
            return self._refused

    async def wait_for(self, count: int = 1, timeout: float = 5.0) -> list[Mail]:
        """Wait (without blocking the event loop) until `count` messages were accepted; return them."""
        deadline = time.monotonic() + timeout
        while len(mails := self.mails) < count:
            if time.monotonic() > deadline:
                raise TimeoutError(f"{len(mails)} of {count} emails received in {timeout}s")
            await asyncio.sleep(0.01)
        return mails

    def _received(self, envelope: Envelope) -> str:
        with self._lock:
            if self._script:
                self._refused += 1
                return self._script.popleft()
            raw = envelope.original_content or envelope.content or b""
            raw = raw if isinstance(raw, bytes) else raw.encode()
            parsed = email.message_from_bytes(raw, policy=email.policy.default)
            assert isinstance(parsed, EmailMessage)
            mail_from = envelope.mail_from or ""
            self._mails.append(Mail(mail_from, list(envelope.rcpt_tos), raw, parsed))
            return ACCEPTED


def _free_port(host: str) -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as probe:
        probe.bind((host, 0))
        return int(probe.getsockname()[1])
