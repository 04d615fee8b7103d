"""A page compressed once, though its end changes with every response.

A cached page is the same for every reader except for the CSP nonce, which sits
at its end (scripts and JSON-LD are the last things in <body>). So the part
before the first nonce is compressed once, ending with a full flush (nothing
after it refers back into it), and each response adds the end, filled in, as
stored deflate blocks and the gzip trailer: a few hundred bytes of work instead
of compressing 70 KB per request.
"""

import struct
import zlib

_HEADER = b"\x1f\x8b\x08\x00\x00\x00\x00\x00\x00\xff"  # gzip, deflate, no name, no mtime
_STORED_MAX = 0xFFFF


class Gzipped:
    def __init__(self, content: bytes, placeholder: bytes):
        cut = content.find(placeholder)
        head = content if cut < 0 else content[:cut]
        self.tail = b"" if cut < 0 else content[cut:]
        self.placeholder = placeholder
        compressor = zlib.compressobj(6, zlib.DEFLATED, -zlib.MAX_WBITS)
        self.head = _HEADER + compressor.compress(head) + compressor.flush(zlib.Z_FULL_FLUSH)
        self.head_crc = zlib.crc32(head)
        self.head_size = len(head)

    def body(self, nonce: bytes) -> bytes:
        tail = self.tail.replace(self.placeholder, nonce)
        blocks = []
        chunks = [tail[i : i + _STORED_MAX] for i in range(0, len(tail), _STORED_MAX)] or [b""]
        for number, chunk in enumerate(chunks, 1):
            final = 1 if number == len(chunks) else 0
            size = len(chunk)
            blocks.append(struct.pack("<BHH", final, size, size ^ 0xFFFF) + chunk)
        crc = zlib.crc32(tail, self.head_crc)
        trailer = struct.pack("<II", crc, (self.head_size + len(tail)) & 0xFFFFFFFF)
        return self.head + b"".join(blocks) + trailer
