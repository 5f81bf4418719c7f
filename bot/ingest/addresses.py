"""Which addresses newsbot may fetch from: the fetch policy and the address classes.

Public internet addresses only, unless the operator says otherwise: loopback,
private, link-local, shared (CGNAT), multicast, reserved and unspecified addresses,
and IPv6 forms that embed them (IPv4-mapped, 6to4, NAT64, Teredo), are refused.
``NEWSBOT_ALLOW_PRIVATE_FETCH=1`` (or ``--allow-private-fetch``) allows them all; a
list of networks (``10.20.0.0/16,fd00::/8``) allows only those. The refusal is one
sentence that never says why (open or closed port, existing name or not).
"""

from __future__ import annotations

import ipaddress
from collections.abc import Mapping
from dataclasses import dataclass

from summarizer.errors import BlockedAddressError, InputError

ALLOW_PRIVATE_ENV = "NEWSBOT_ALLOW_PRIVATE_FETCH"
DEFAULT_PER_HOST = 4
_TRUE = frozenset({"1", "true", "yes", "on"})
_FALSE = frozenset({"0", "false", "no", "off"})
IPAddress = ipaddress.IPv4Address | ipaddress.IPv6Address
IPNetwork = ipaddress.IPv4Network | ipaddress.IPv6Network
# IPv6 prefixes that carry an IPv4 address in their last 32 bits (NAT64, IPv4-compatible).
_EMBEDS_V4 = (ipaddress.ip_network("64:ff9b::/96"), ipaddress.ip_network("::/96"))
_SHARED = ipaddress.ip_network("100.64.0.0/10")


def refusal(url: str | None = None) -> str:
    """The one message for an address newsbot will not fetch (no detail about why)."""
    what = url or "That address"
    return f"{what} is not a public web address, so newsbot will not fetch it."


class BlockedAddress(BlockedAddressError):
    """The address is not public (or does not resolve) and private fetches are off: the
    transport's error, with the one refusal message (``fetch`` words it for the URL)."""

    def __init__(self, url: str | None = None) -> None:
        super().__init__(refusal(url))


def is_public(address: IPAddress) -> bool:
    """True for an address on the public internet that newsbot may connect to."""
    if isinstance(address, ipaddress.IPv6Address):
        inner = address.ipv4_mapped or address.sixtofour
        if inner is None and any(address in net for net in _EMBEDS_V4):
            inner = ipaddress.IPv4Address(int(address) & 0xFFFFFFFF)
        if inner is not None:
            return is_public(inner)
        if address.teredo is not None:
            return is_public(address.teredo[1])
    if isinstance(address, ipaddress.IPv4Address) and address in _SHARED:
        return False
    return address.is_global and not (
        address.is_multicast
        or address.is_reserved
        or address.is_unspecified
        or address.is_loopback
        or address.is_link_local
        or address.is_private
    )


@dataclass(frozen=True, slots=True)
class FetchPolicy:
    """What fetches may do: reach private addresses or not, and fetches per host at once.

    ``allow_networks`` permits only these non-public networks (an intranet range)
    instead of all of them.
    """

    allow_private: bool = False
    max_per_host: int = DEFAULT_PER_HOST
    allow_networks: tuple[IPNetwork, ...] = ()

    def __post_init__(self) -> None:
        if self.max_per_host < 1:
            raise ValueError("max_per_host must be at least 1")

    @classmethod
    def from_env(cls, env: Mapping[str, str], *, allow_private: bool = False) -> FetchPolicy:
        """The operator's choice: the flag, else ``NEWSBOT_ALLOW_PRIVATE_FETCH`` in ``env``
        (``bot.config.Config`` reads the environment, once).

        The variable is 1/true/yes/on (every private address), 0/false/no/off (none), or
        a comma-separated list of networks such as ``10.20.0.0/16`` (only those).
        """
        value = env.get(ALLOW_PRIVATE_ENV, "").strip()
        if allow_private or value.lower() in _TRUE:
            return cls(allow_private=True)
        if value.lower() in _FALSE:  # "0" or "off": what an operator writes for "no"
            return cls()
        return cls(allow_networks=parse_networks(value))

    def permits(self, address: IPAddress) -> bool:
        """Whether a connection to ``address`` is allowed under this policy."""
        if self.allow_private or is_public(address):
            return True
        return any(address.version == net.version and address in net for net in self.allow_networks)


def parse_networks(value: str) -> tuple[IPNetwork, ...]:
    """Networks from "10.0.0.0/8, fd00::/8"; InputError naming the variable when invalid."""
    try:
        return tuple(
            ipaddress.ip_network(part.strip(), strict=False)
            for part in value.replace(" ", ",").split(",")
            if part.strip()
        )
    except ValueError:
        raise InputError(
            f"{ALLOW_PRIVATE_ENV} must be 1, 0 or a list of networks such as 10.20.0.0/16."
        ) from None
