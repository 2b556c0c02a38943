#!/usr/bin/env python3
"""A user-space delay line between two TUN devices (this kernel has no netem).

delayline.py NAME_A NAME_B DELAY_MS: opens TUN devices NAME_A and NAME_B in the current
namespace, prints "ready", then copies every IP packet read from one to the other after
DELAY_MS, in order. The bench moves each device into its own network namespace afterwards
(an open TUN file keeps working when its interface changes namespace), so the two namespaces
talk only through this process: a link with a fixed one-way delay. Loss is left to nftables.
"""
import fcntl, heapq, os, select, struct, sys, time

TUNSETIFF = 0x400454CA
IFF_TUN, IFF_NO_PI = 0x0001, 0x1000


def tun(name):
    fd = os.open("/dev/net/tun", os.O_RDWR | os.O_NONBLOCK)
    fcntl.ioctl(fd, TUNSETIFF, struct.pack("16sH", name.encode(), IFF_TUN | IFF_NO_PI))
    return fd


def main():
    a, b, delay = tun(sys.argv[1]), tun(sys.argv[2]), float(sys.argv[3]) / 1000
    peer = {a: b, b: a}
    due = []  # (time, seq, fd, packet)
    seq = 0
    print("ready", flush=True)
    while True:
        timeout = max(0.0, due[0][0] - time.monotonic()) if due else 1.0
        ready, _, _ = select.select([a, b], [], [], timeout)
        now = time.monotonic()
        for fd in ready:
            while True:
                try:
                    pkt = os.read(fd, 65536)
                except BlockingIOError:
                    break
                seq += 1
                heapq.heappush(due, (now + delay, seq, peer[fd], pkt))
        now = time.monotonic()
        while due and due[0][0] <= now:
            _, _, fd, pkt = heapq.heappop(due)
            try:
                os.write(fd, pkt)
            except OSError:
                pass  # the interface is down (the bench is tearing it down)


if __name__ == "__main__":
    try:
        main()
    except KeyboardInterrupt:
        pass
