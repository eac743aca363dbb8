"""The ``corridor-watch`` command line (DESIGN section 6)."""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import json
import logging
import sys
from collections.abc import AsyncIterator, Callable
from pathlib import Path

from redis.asyncio import Redis

from service import __version__
from service.deadletters import DeadLetters
from service.embedded_redis import EmbeddedRedis
from service.errors import ConfigError
from service.settings import Settings, load_settings

EXIT_CONFIG = 2


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="corridor-watch",
        description="Alerts when public China–Central Asia corridor figures shift: watchers → extract → "
                    "evaluate → notify over Redis streams.",
        epilog="Settings come from CW_* environment variables and an env file (CW_ENV_FILE, default "
               "./corridor-watch.env); see the README's configuration table.",
    )
    parser.add_argument("--version", action="version", version=f"corridor-watch {__version__}")
    parser.add_argument("--env-file", type=Path, help="env file to read (default: CW_ENV_FILE or ./corridor-watch.env)")
    sub = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")
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
    return parser


def main(argv: list[str] | None = None) -> int:
    args = _parser().parse_args(argv)
    commands: dict[str, Callable[[argparse.Namespace], int]] = {
        "run": _run, "extract": _extract, "eval": _eval, "check-config": _check_config, "dlq": _dlq,
        "sources": _sources,
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
async def _redis(settings: Settings) -> AsyncIterator[Redis]:
    """REDIS_URL, the embedded server a running service started, or the embedded data started briefly."""
    if settings.redis_url is not None:
        url = settings.redis_url.get_secret_value()
        server = None
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


if __name__ == "__main__":
    sys.exit(main())
