"""The ``corridor-watch`` command line (DESIGN section 6)."""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import difflib
import json
import logging
import sys
import tempfile
from collections.abc import AsyncIterator, Callable
from datetime import date
from pathlib import Path
from typing import Any

from redis.asyncio import Redis

from handlers.silences import Silence, Silences
from service import __version__
from service.config import load_settings
from service.deadletters import DeadLetters
from service.durations import parse_duration
from service.embedded_redis import EmbeddedRedis
from service.errors import ConfigError
from service.settings import Settings
from service.vocabulary import INDICATORS, PORTS

EXIT_CONFIG = 2


def _sub_parser(common: argparse.ArgumentParser) -> type[argparse.ArgumentParser]:
    """Sub-command parsers that all accept the common options."""

    class SubParser(argparse.ArgumentParser):
        def __init__(self, *args: Any, **kwargs: Any) -> None:
            kwargs.setdefault("parents", [common])
            super().__init__(*args, **kwargs)

    return SubParser


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="corridor-watch",
        description="Alerts when public China–Central Asia corridor figures shift: watchers → extract → "
                    "evaluate → notify over Redis streams.",
        epilog="Settings come from CW_* environment variables and an env file (CW_ENV_FILE, default "
               "./corridor-watch.env); see the README's configuration table.",
    )
    parser.add_argument("--version", action="version", version=f"corridor-watch {__version__}")
    env_help = "env file to read (default: CW_ENV_FILE or ./corridor-watch.env)"
    parser.add_argument("--env-file", type=Path, help=env_help)
    # The same option after the command too (`check-config --env-file prod.env`); SUPPRESS keeps a value
    # given before the command when none is given after it.
    common = argparse.ArgumentParser(add_help=False)
    common.add_argument("--env-file", type=Path, default=argparse.SUPPRESS, help=env_help)
    sub = parser.add_subparsers(dest="command", required=True, metavar="COMMAND", parser_class=_sub_parser(common))
    sub.add_parser("run", help="run the whole service (embedded Redis when REDIS_URL is unset)")
    p = sub.add_parser("extract", help="print observations and events found in text files, one JSON per line")
    p.add_argument("paths", nargs="+", type=Path, metavar="PATH")
    p = sub.add_parser("eval", help="score extraction against a gold corpus (texts/*.txt + gold.jsonl)")
    p.add_argument("corpus_dir", type=Path, metavar="CORPUS_DIR")
    sub.add_parser("check-config", help="validate settings and the source catalogue; exit 0 or 2")
    p = sub.add_parser("dlq", help="inspect and re-drive dead letters")
    dlq = p.add_subparsers(dest="dlq_command", required=True, metavar="ACTION")
    dlq.add_parser("list", help="list dead letters with their stage, error and deliveries")
    r = dlq.add_parser("replay", help="put dead letters back on their stream (all when no ID is given)")
    r.add_argument("ids", nargs="*", metavar="ID")
    p = sub.add_parser("sources", help="catalogue status, or fetch one source once (publishes nothing)")
    src = p.add_subparsers(dest="sources_command", required=True, metavar="ACTION")
    src.add_parser("list", help="every source: kind, enabled, interval, last success / error, next poll")
    c = src.add_parser("check", help="fetch one source once and print what would be published")
    c.add_argument("source_id", metavar="ID")
    p = sub.add_parser("mute", help="silence alerts for a port (and indicator) for a while; they are still recorded")
    p.add_argument("port", metavar="PORT", help="port id, e.g. horgos")
    p.add_argument("indicator", nargs="?", metavar="INDICATOR",
                   help="indicator, e.g. clearance_rate_pct (default: all)")
    p.add_argument("--for", dest="duration", required=True, metavar="DURATION", help="e.g. 2h, 7d")
    p.add_argument("--reason", required=True, help="why, shown in logs and health")
    p = sub.add_parser("unmute", help="end silences by id, or every silence of a port (and indicator)")
    p.add_argument("target", metavar="ID|PORT")
    p.add_argument("indicator", nargs="?", metavar="INDICATOR")
    sub.add_parser("mutes", help="list the silences in force")
    p = sub.add_parser("backtest", help="print the alerts the configured rules would have sent, one JSON per line",
                       description="Run extraction and the configured rules over texts (CORPUS_DIR/texts/*.txt or "
                                   "CORPUS_DIR/*.txt) or over the documents stored in Redis, in publication order, "
                                   "with fresh alert state; nothing of a running service is changed.")
    p.add_argument("corpus_dir", nargs="?", type=Path, metavar="CORPUS_DIR")
    p.add_argument("--since", type=date.fromisoformat, metavar="YYYY-MM-DD",
                   help="only documents published on or after this day (without CORPUS_DIR: the stored ones)")
    return parser


def main(argv: list[str] | None = None) -> int:
    args = _parser().parse_args(argv)
    commands: dict[str, Callable[[argparse.Namespace], int]] = {
        "run": _run, "extract": _extract, "eval": _eval, "check-config": _check_config, "dlq": _dlq,
        "sources": _sources,
        "mute": _mute, "unmute": _unmute, "mutes": _mutes, "backtest": _backtest,
    }
    try:
        return commands[args.command](args)
    except ConfigError as exc:
        _print_problems(exc)
        return EXIT_CONFIG
    except KeyboardInterrupt:
        return 130


def _print_problems(exc: ConfigError) -> None:
    noun = "problem" if len(exc.problems) == 1 else "problems"
    print(f"{len(exc.problems)} {noun} in {exc.origin}:", file=sys.stderr)
    for problem in exc.problems:
        print(f"  {problem}", file=sys.stderr)


def _settings(args: argparse.Namespace) -> Settings:
    settings = load_settings(args.env_file)
    logging.basicConfig(level=settings.log_level, stream=sys.stderr,
                        format="%(asctime)s %(levelname)s %(name)s: %(message)s")
    return settings


def _run(args: argparse.Namespace) -> int:
    from service.app import run_service

    settings = _settings(args)
    print(f"corridor-watch {__version__}", flush=True)
    return asyncio.run(run_service(settings))


def _extract(args: argparse.Namespace) -> int:
    from handlers.extract.commands import extract_command

    return extract_command(args.paths, sys.stdout)


def _eval(args: argparse.Namespace) -> int:
    from handlers.extract.commands import eval_command

    return eval_command(args.corpus_dir, sys.stdout)


def _check_config(args: argparse.Namespace) -> int:
    from watchers.sources import load_catalog

    settings = load_settings(args.env_file)
    sources = load_catalog(settings.sources.catalog)
    enabled = sum(1 for s in sources if s.enabled)
    print(f"configuration ok: {len(settings.rule_set)} rule thresholds, {enabled} of {len(sources)} sources "
          f"enabled, notifiers: console"
          + (", slack" if settings.slack.webhook_url else "") + (", email" if settings.smtp.host else ""))
    return 0


def _sources(args: argparse.Namespace) -> int:
    from watchers.commands import sources_check_command, sources_list_command

    settings = _settings(args)
    if args.sources_command == "list":
        return sources_list_command(settings, sys.stdout)
    return sources_check_command(settings, args.source_id, sys.stdout)


@contextlib.asynccontextmanager
async def _redis(settings: Settings, scratch: bool = False) -> AsyncIterator[Redis]:
    """REDIS_URL, the embedded server a running service started, or the embedded data started briefly.
    `scratch`: without REDIS_URL, a throw-away embedded server in a temporary directory instead."""
    if settings.redis_url is not None:
        url = settings.redis_url.get_secret_value()
        server = None
    elif scratch:
        tmp = tempfile.TemporaryDirectory(prefix="corridor-watch-")
        server = EmbeddedRedis(Path(tmp.name), settings.redis.server, persistent=False)
        url = await asyncio.to_thread(server.start)
    else:
        server = EmbeddedRedis(settings.redis.data_dir, settings.redis.server)
        running = server.running_url()
        url = running if running is not None else await asyncio.to_thread(server.start)
    client: Redis = Redis.from_url(url, socket_timeout=settings.redis.timeout * 5)
    try:
        yield client
    finally:
        await client.aclose()
        if server is not None:
            await asyncio.to_thread(server.stop)
        if scratch and server is not None:
            tmp.cleanup()


def _dlq(args: argparse.Namespace) -> int:
    settings = load_settings(args.env_file)
    return asyncio.run(_dlq_async(settings, args.dlq_command, args.ids if args.dlq_command == "replay" else []))


async def _dlq_async(settings: Settings, action: str, ids: list[str]) -> int:
    async with _redis(settings) as redis:
        dead = DeadLetters(redis, settings.keys)
        if action == "list":
            entries = await dead.entries()
            for item in entries:
                letter = item.letter
                print(json.dumps({"id": item.dead_id, "stage": letter.stage, "stream": letter.stream,
                                  "entry_id": letter.entry_id, "deliveries": letter.deliveries,
                                  "dead_at": letter.dead_at.isoformat(), "error": letter.error,
                                  "body": letter.body[:500]}, ensure_ascii=False))
            print(f"{len(entries)} dead letter(s)", file=sys.stderr)
            return 0
        try:
            replayed = await dead.replay(ids or None)
        except KeyError as exc:
            print(f"no dead letter with id {exc.args[0]} (see: corridor-watch dlq list)", file=sys.stderr)
            return 1
        for item in replayed:
            print(f"replayed {item.dead_id} ({item.letter.stage}) onto {item.letter.stream}")
        print(f"{len(replayed)} dead letter(s) replayed", file=sys.stderr)
        return 0


def _backtest(args: argparse.Namespace) -> int:
    from handlers.backtest import backtest, corpus_documents, stored_documents

    settings = load_settings(args.env_file)
    if args.corpus_dir is None and args.since is None:
        raise ConfigError(["give CORPUS_DIR, or --since DATE to replay the stored documents"], "the command line")

    async def go() -> list[dict[str, Any]]:
        async with _redis(settings, scratch=args.corpus_dir is not None) as redis:
            if args.corpus_dir is not None:
                docs = corpus_documents(args.corpus_dir, args.since)
            else:
                docs = await stored_documents(redis, settings.keys, args.since)
            return [r.as_json() for r in await backtest(docs, redis, settings)]

    found = asyncio.run(go())
    for item in found:
        print(json.dumps(item, ensure_ascii=False))
    print(f"{len(found)} alert(s) would have been sent", file=sys.stderr)
    return 0


def _scope(port: str, indicator: str | None) -> tuple[str, str | None]:
    """Validated port and indicator ids, or ConfigError with a suggestion."""
    problems = []
    for label, value, known in (("PORT", port, PORTS), ("INDICATOR", indicator, INDICATORS)):
        if value is not None and value.lower() not in known:
            close = difflib.get_close_matches(value.lower(), list(known), n=1)
            hint = f" (did you mean {close[0]}?)" if close else ""
            problems.append(f'{label} = "{value}": unknown {label.lower()}{hint}')
    if problems:
        raise ConfigError(problems, origin="the command line")
    return port.lower(), indicator.lower() if indicator else None


def _mute(args: argparse.Namespace) -> int:
    port, indicator = _scope(args.port, args.indicator)
    try:
        seconds = parse_duration(args.duration)
    except ValueError as exc:
        raise ConfigError([f'--for = "{args.duration}": {exc}'], origin="the command line") from None
    settings = load_settings(args.env_file)

    async def go() -> Silence:
        async with _redis(settings) as redis:
            return await Silences(redis, settings.keys).add(port, indicator, seconds, args.reason)

    silence = asyncio.run(go())
    print(f"muted {silence.scope} until {silence.until:%Y-%m-%d %H:%M} UTC (silence {silence.id}): {silence.reason}")
    return 0


def _unmute(args: argparse.Namespace) -> int:
    settings = load_settings(args.env_file)

    async def go() -> list[Silence]:
        async with _redis(settings) as redis:
            return await Silences(redis, settings.keys).remove(args.target.lower(), args.indicator)

    removed = asyncio.run(go())
    for silence in removed:
        print(f"unmuted {silence.scope} (silence {silence.id})")
    if not removed:
        print(f"no silence matches {args.target} (see: corridor-watch mutes)", file=sys.stderr)
        return 1
    return 0


def _mutes(args: argparse.Namespace) -> int:
    settings = load_settings(args.env_file)

    async def go() -> list[Silence]:
        async with _redis(settings) as redis:
            return await Silences(redis, settings.keys).active()

    silences = asyncio.run(go())
    for s in silences:
        print(f"{s.id}  {s.scope:<40} until {s.until:%Y-%m-%d %H:%M} UTC  {s.reason}")
    print(f"{len(silences)} silence(s) in force", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
