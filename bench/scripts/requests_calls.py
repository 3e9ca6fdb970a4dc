"""B5 baseline: N Baijiayun-signed calls with a plain requests.Session.

Signs each call as the SDK does (partner_id, timestamp and the parameters
sorted by key, joined as k=v with &, then &partner_key=KEY; lowercase hex
MD5), posts it as a form, and reads the JSON envelope.

usage: requests_calls.py BASE_URL PARTNER_ID PARTNER_KEY VIDEO_ID N  -> prints `elapsed SECONDS`
"""
import hashlib
import sys
import time

import requests

base, partner_id, key, video_id, n = sys.argv[1], sys.argv[2], sys.argv[3], sys.argv[4], int(sys.argv[5])
url = base.rstrip("/") + "/openapi/video/getStatus"
session = requests.Session()


def call():
    params = {"partner_id": partner_id, "timestamp": str(int(time.time())), "video_id": video_id}
    text = "&".join(f"{k}={params[k]}" for k in sorted(params)) + "&partner_key=" + key
    params["sign"] = hashlib.md5(text.encode()).hexdigest()
    answer = session.post(url, data=params)
    answer.raise_for_status()
    envelope = answer.json()
    if envelope.get("code") != 0:
        raise SystemExit(f"the call failed: {envelope}")
    return envelope.get("data")


call()  # the connection is open before the clock starts
started = time.perf_counter()
for _ in range(n):
    call()
print("elapsed", time.perf_counter() - started)
