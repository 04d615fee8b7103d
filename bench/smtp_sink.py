"""An SMTP server that accepts everything and writes each recipient to a file.

python bench/smtp_sink.py PORT LOGFILE
"""

import asyncio
import signal
import sys

from aiosmtpd.controller import Controller


class Sink:
    def __init__(self, path):
        self.log = open(path, "a", buffering=1024 * 1024)  # noqa: SIM115

    async def handle_DATA(self, server, session, envelope):
        for recipient in envelope.rcpt_tos:
            self.log.write(recipient + "\n")
        return "250 OK"


def main():
    port, path = int(sys.argv[1]), sys.argv[2]
    handler = Sink(path)
    controller = Controller(handler, hostname="127.0.0.1", port=port)
    controller.start()
    stop = asyncio.Event()
    loop = asyncio.new_event_loop()
    for signum in (signal.SIGTERM, signal.SIGINT):
        loop.add_signal_handler(signum, stop.set)
    loop.run_until_complete(stop.wait())
    controller.stop()
    handler.log.close()


if __name__ == "__main__":
    main()
