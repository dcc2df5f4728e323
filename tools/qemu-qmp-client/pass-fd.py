#!/usr/bin/env python3
"""Pass an open file to a QMP server with add-fd (SCM_RIGHTS), Python standard library only.

    python3 pass-fd.py SOCKET FILE

Prints the add-fd and query-fdsets replies. Works against QEMU and qapi-java's example server.
"""
import socket
import sys

if len(sys.argv) != 3:
    sys.exit(__doc__)
s = socket.socket(socket.AF_UNIX)
s.connect(sys.argv[1])
replies = s.makefile("rb")
replies.readline()                                        # the greeting
s.sendall(b'{"execute": "qmp_capabilities"}\n')
replies.readline()
with open(sys.argv[2], "a") as f:                          # the server gets its own copy
    socket.send_fds(s, [b'{"execute": "add-fd", "arguments": {"opaque": "passed file"}}\n'], [f.fileno()])
print(replies.readline().decode().strip())
s.sendall(b'{"execute": "query-fdsets"}\n')
print(replies.readline().decode().strip())
