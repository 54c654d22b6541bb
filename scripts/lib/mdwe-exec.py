#!/usr/bin/env python3
"""Usage: mdwe-exec.py PROGRAM [ARGS...]

Runs PROGRAM with memory-deny-write-execute on: prctl(PR_SET_MDWE, PR_MDWE_REFUSE_EXEC_GAIN),
which the kernel (Linux >= 6.3) keeps across exec and fork. What systemd's
MemoryDenyWriteExecute=yes enforces with seccomp, for scripts/lib/check-pool-sandbox: a pool
that needed writable and executable memory would fail here first.
"""
import ctypes
import os
import sys

PR_SET_MDWE = 65
PR_MDWE_REFUSE_EXEC_GAIN = 1

libc = ctypes.CDLL(None, use_errno=True)
if libc.prctl(PR_SET_MDWE, PR_MDWE_REFUSE_EXEC_GAIN, 0, 0, 0) != 0:
    sys.exit("mdwe-exec: prctl(PR_SET_MDWE) failed: %s" % os.strerror(ctypes.get_errno()))
os.execv(sys.argv[1], sys.argv[1:])
