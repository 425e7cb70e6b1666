"""``priorauth ui`` (docs/contract.md §4): serves the Chainlit web app in ``priorauth/web.py``.

Imported by ``priorauth.cli`` for every command, so nothing heavy is imported here:
Chainlit starts in a child process only when ``ui`` runs. The password helpers live
here too (pure ``hashlib``), so ``priorauth ui --hash-password`` needs no Chainlit.
"""

from __future__ import annotations

import argparse
import base64
import hashlib
import hmac
import os
import sys
from pathlib import Path

from policies.errors import PriorAuthError

PBKDF2_ITERATIONS = 310_000
REPO_ROOT = Path(__file__).resolve().parent.parent
WEB_APP = Path(__file__).resolve().parent / "web.py"


# ----------------------------------------------------------------- passwords


def hash_password(password: str, *, iterations: int = PBKDF2_ITERATIONS) -> str:
    """``pbkdf2_sha256$<iterations>$<salt>$<base64 digest>`` (no ``:`` or ``,`` in it)."""
    import secrets  # (here: every command imports this module, and secrets imports random)

    salt = secrets.token_hex(16)
    digest = hashlib.pbkdf2_hmac("sha256", password.encode(), salt.encode(), iterations)
    return f"pbkdf2_sha256${iterations}${salt}${base64.b64encode(digest).decode()}"


def verify_password(password: str, stored: str) -> bool:
    """Check ``password`` against a pbkdf2_sha256 or bcrypt (``$2b$...``) hash."""
    try:
        if stored.startswith("pbkdf2_sha256$"):
            _, iterations, salt, expected = stored.split("$", 3)
            digest = hashlib.pbkdf2_hmac("sha256", password.encode(), salt.encode(),
                                         int(iterations))
            return hmac.compare_digest(base64.b64encode(digest).decode(), expected)
        if stored.startswith("$2"):
            import bcrypt

            return bcrypt.checkpw(password.encode(), stored.encode())
    except (ValueError, TypeError):
        return False
    return False


def parse_users(spec: str) -> dict[str, str]:
    """``PRIORAUTH_USERS``: ``"alice:<hash>,bob:<hash>"`` → ``{"alice": "<hash>", ...}``."""
    users: dict[str, str] = {}
    for item in spec.split(","):
        item = item.strip()
        if not item:
            continue
        name, sep, hashed = item.partition(":")
        if not sep or not name.strip() or not hashed.strip():
            raise PriorAuthError("PRIORAUTH_USERS: expected 'name:hash,name:hash' "
                                 "(make a hash with: priorauth ui --hash-password)")
        users[name.strip()] = hashed.strip()
    return users


def users_from_env() -> dict[str, str]:
    """The users of ``PRIORAUTH_USERS``; unset or empty means no login.

    A value that is set but names nobody ("," or blanks) is refused rather than
    silently turning the login off.
    """
    spec = os.environ.get("PRIORAUTH_USERS", "")
    users = parse_users(spec)
    if spec and not users:
        raise PriorAuthError(f"PRIORAUTH_USERS={spec!r} names no user; expected "
                             "'name:hash,name:hash' (make a hash with: priorauth ui "
                             "--hash-password), or unset it to run without a login")
    return users


# ------------------------------------------------------------------- command


def _port(text: str) -> int:
    try:
        value = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{text!r} is not a port number (1-65535)") from None
    if not 0 < value < 65536:
        raise argparse.ArgumentTypeError(f"{value} is not a port number (1-65535)")
    return value


def cmd_ui(args: argparse.Namespace) -> int:
    if args.hash_password:
        import getpass

        password = sys.stdin.readline().rstrip("\n") if not sys.stdin.isatty() else \
            getpass.getpass("password: ")
        if not password:
            raise PriorAuthError("--hash-password: empty password")
        print(hash_password(password))
        return 0
    if users_from_env():  # a bad value fails here, in one line
        if not os.environ.get("CHAINLIT_AUTH_SECRET", "").strip():
            raise PriorAuthError("PRIORAUTH_USERS is set but CHAINLIT_AUTH_SECRET is not: "
                                 "export a long random secret (e.g. `chainlit create-secret`)")
    env = dict(os.environ)
    # Chainlit reads .chainlit/config.toml and chainlit.md from its app root.
    if (REPO_ROOT / ".chainlit" / "config.toml").is_file():
        env.setdefault("CHAINLIT_APP_ROOT", str(REPO_ROOT))
    command = [sys.executable, "-m", "chainlit", "run", str(WEB_APP), "--headless",
               "--host", args.host, "--port", str(args.port)]
    print(f"priorauth: serving the web app on http://{args.host}:{args.port} "
          "(Ctrl-C to stop)", file=sys.stderr, flush=True)
    sys.stdout.flush()
    # Become the server (exec, not a child) so signals and the exit status are its own.
    os.execve(sys.executable, command, env)
    return 0  # not reached


def register(subparsers: argparse._SubParsersAction) -> None:
    ui = subparsers.add_parser(
        "ui", help="serve the Chainlit web app (no browser is opened)",
        description="Serves the web app. Conversations are kept in $PRIORAUTH_DATA_DIR "
                    "(SQLite) or PRIORAUTH_DATABASE_URL (Postgres). Set PRIORAUTH_USERS "
                    "('name:hash,...') and CHAINLIT_AUTH_SECRET to require a login.")
    ui.add_argument("--host", default="127.0.0.1", help="interface to listen on "
                                                        "(default 127.0.0.1)")
    ui.add_argument("--port", type=_port, default=8000, help="port (default 8000)")
    ui.add_argument("--hash-password", action="store_true",
                    help="read a password (prompt or stdin), print a hash for PRIORAUTH_USERS")
    ui.set_defaults(func=cmd_ui)
