"""Drives the kernel with Debian's jupyter_client to observe what a notebook file cannot show.

usage: probe_kernel.py KERNEL_NAME CHECK   (CHECK: bad-signature | charts CODE_FILE | restart)

Prints one JSON object with what was seen; exit code 0 unless the client itself failed.
"""
import json, sys, time, uuid
import jupyter_client, zmq
from jupyter_client.session import Session

name, check = sys.argv[1], sys.argv[2]
km, kc = jupyter_client.manager.start_new_kernel(kernel_name=name, startup_timeout=120)
out = {}
try:
    if check == "bad-signature":
        info = km.get_connection_info()
        ctx = zmq.Context.instance()
        def ask(key):
            """kernel_info_request on a fresh shell socket signed with KEY; the reply, or None after 5 s."""
            s = ctx.socket(zmq.DEALER); s.linger = 0
            s.connect("tcp://%s:%d" % (info["ip"], info["shell_port"]))
            session = Session(key=key, signature_scheme="hmac-sha256")
            session.send(s, "kernel_info_request", content={})
            reply = None
            if s.poll(5000):
                reply = session.recv(s, mode=zmq.NOBLOCK)[1]
            s.close()
            return reply
        bad = ask(b"not-the-key")
        out["bad_key_reply"] = bad is not None
        good = ask(info["key"] if isinstance(info["key"], bytes) else info["key"].encode())
        out["good_key_reply"] = good is not None and good["msg_type"] == "kernel_info_reply"
        out["alive"] = km.is_alive()
    elif check == "charts":
        seen = []
        def hook(msg):
            if msg["msg_type"] in ("display_data", "update_display_data", "execute_result"):
                seen.append({"type": msg["msg_type"], "display_id": msg["content"].get("transient", {}).get("display_id"),
                             "mimes": sorted(msg["content"]["data"].keys()),
                             "plotly": "Plotly.newPlot" in msg["content"]["data"].get("text/html", "") or "Plotly.react" in msg["content"]["data"].get("text/html", "")})
        code = open(sys.argv[3]).read()
        reply = kc.execute_interactive(code, timeout=300, output_hook=hook)
        out["status"] = reply["content"]["status"]
        out["error"] = reply["content"].get("traceback")
        out["outputs"] = seen
    elif check == "restart":
        kc.execute_interactive("var kept = 41;", timeout=300)
        before = km.provisioner.pid if km.provisioner else None
        km.restart_kernel(now=False)  # shutdown_request with restart: true, then a new process
        kc.wait_for_ready(timeout=120)
        after = km.provisioner.pid if km.provisioner else None
        texts = []
        reply = kc.execute_interactive("Console.WriteLine(\"fresh\");", timeout=300,
                                       output_hook=lambda m: texts.append(m["content"].get("text", "")) if m["msg_type"] == "stream" else None)
        gone = kc.execute_interactive("kept", timeout=300)
        out["new_process"] = before is not None and after is not None and before != after
        out["after_restart"] = "".join(texts)
        out["old_variable"] = gone["content"]["status"]
finally:
    km.shutdown_kernel(now=True)
print(json.dumps(out))
