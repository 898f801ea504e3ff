"""IP addresses and the trusted-proxy list, without Django: settings validate the list with it."""

from __future__ import annotations

import functools
import ipaddress

from django.core.exceptions import ImproperlyConfigured

IPNetwork = ipaddress.IPv4Network | ipaddress.IPv6Network


def valid_ip(value: str) -> str | None:
    """The address in canonical form, or None for anything that is not one."""
    try:
        address = ipaddress.ip_address(value.strip())
    except ValueError:
        return None
    mapped = getattr(address, "ipv4_mapped", None)  # "::ffff:192.0.2.1" is 192.0.2.1
    return str(mapped or address)


@functools.lru_cache(maxsize=8)
def trusted_networks(entries: tuple[str, ...]) -> tuple[IPNetwork, ...]:
    """KAZASSO_TRUSTED_PROXIES as networks; the settings call it too, so a typo stops the start."""
    networks = []
    for entry in entries:
        try:
            networks.append(ipaddress.ip_network(entry.strip(), strict=False))
        except ValueError:
            raise ImproperlyConfigured(
                f"KAZASSO_TRUSTED_PROXIES : « {entry} » n'est ni une adresse IP ni un réseau "
                "(ex. 127.0.0.1, 10.0.0.0/8) ; voir deploy/README.md."
            ) from None
    return tuple(networks)


def in_networks(address: str, networks: tuple[IPNetwork, ...]) -> bool:
    ip = ipaddress.ip_address(address)
    return any(ip in network for network in networks)
