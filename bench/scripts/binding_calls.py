"""B5: N signed calls through the vodkit Python binding (one client, keep-alive).

usage: binding_calls.py CONFIG_JSON OPERATION PARAMS_JSON N  -> prints `elapsed SECONDS`
"""
import json
import sys
import time

import vodkit

config, op, params, n = json.loads(sys.argv[1]), sys.argv[2], json.loads(sys.argv[3]), int(sys.argv[4])
client = vodkit.Client("baijiayun", **config)
client.call(op, params)  # the connection is open before the clock starts
started = time.perf_counter()
for _ in range(n):
    client.call(op, params)
print("elapsed", time.perf_counter() - started)
