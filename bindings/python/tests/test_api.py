"""Every typed method of vodkit.Baijiayun (generated from the catalog), called
against the emulator with its answer checked by value; the signer against the
provider's oracle vector; the generic call; the configuration; the generated
surface against the catalog."""

from __future__ import annotations

import ast
import base64
import datetime
import inspect
import json
import urllib.request
from pathlib import Path

import pytest

import vodkit
from conftest import Emulator, md5_of, write_file

# PROVIDERS.md §1: the provider's own test vector.
ORACLE_KEY = "rLkIPaQjxSwRQmC/ITnHh8i2rifmmbFIVsYw03SSi24zAnkrAd0ZNb2rcTzI2avy7+AmNJDdLmzU89zKUAP3Xg=="
ORACLE_PARAMS = {
    "title": "测试教室",
    "type": "2",
    "timestamp": "1501572288",
    "start_time": "1501575608",
    "partner_id": "12345678",
    "end_time": "1501579208",
}
ORACLE_SIGN = "5b78486597c679b0c6256da014af1260"


def test_sign_matches_the_oracle_vector() -> None:
    assert vodkit.sign(ORACLE_PARAMS, ORACLE_KEY) == ORACLE_SIGN
    # ints are signed as their decimal text; `sign` itself never takes part.
    as_ints = {**ORACLE_PARAMS, "type": 2, "timestamp": 1501572288, "sign": "x"}
    assert vodkit.sign(as_ints, ORACLE_KEY) == ORACLE_SIGN
    assert vodkit.sign(ORACLE_PARAMS, "another key") != ORACLE_SIGN
    with pytest.raises(TypeError):
        vodkit.sign({"a": 1.5}, "k")
    with pytest.raises(TypeError):
        vodkit.sign([("a", "1")], "k")  # type: ignore[arg-type]


def test_config_is_one_json_shaped_map(emu: Emulator) -> None:
    config = {
        "partner_id": emu.partner_id,
        "partner_key": emu.partner_key,
        "secret_key": emu.secret_key,
        "base_url": emu.base_url,
        "request_timeout_ms": 1500,
        "connect_timeout_ms": 1000,
        "retry": {"max_retries": 0, "initial_backoff_ms": 10, "max_backoff_ms": 100, "multiplier": 2.0},
        "part_size": 1024,
        "user_agent": "vodkit-tests",
        "path_overrides": {"video/getMarker": "video/getMarker"},
        "rate_limit_codes": [429],
    }
    typed = vodkit.Baijiayun(**config)
    generic = vodkit.Client("baijiayun", **config)
    assert typed.provider == generic.provider == "baijiayun"
    assert isinstance(typed, vodkit.Client) and type(generic) is vodkit.Client
    for client in (typed, generic):
        text = repr(client)
        assert emu.partner_key not in text and emu.secret_key not in text, text
        assert emu.partner_id in text and emu.base_url in text
    assert repr(generic).startswith("Client('baijiayun', ") and repr(typed).startswith("Baijiayun(")
    created = typed.get_upload_url(file_name="x.mp4", definition="16")
    assert typed.get_status(created["video_id"])["status"] == 10

    # Every key is checked by the core: unknown keys and bad values name themselves.
    with pytest.raises(vodkit.InvalidInputError, match="unknown config key \"timeout\""):
        vodkit.Baijiayun(**config, timeout=30)
    with pytest.raises(vodkit.InvalidInputError, match="part_size"):
        vodkit.Baijiayun(**{**config, "part_size": 0})
    with pytest.raises(vodkit.InvalidInputError, match="unknown provider"):
        vodkit.Client("no-such-provider", **config)
    with pytest.raises(vodkit.InvalidInputError):
        vodkit.Baijiayun(partner_id="1", partner_key="k")  # neither base_url nor private_domain
    # A proxy's credentials never show either.
    proxied = vodkit.Baijiayun(**config, proxy="http://user:hunter2@127.0.0.1:9")
    assert "hunter2" not in repr(proxied)


def test_generic_call(emu: Emulator, client: vodkit.Baijiayun) -> None:
    created = client.call("video/getUploadUrl", {"file_name": "generic.mp4", "definition": "16,1"})
    assert created["upload_url"].startswith(emu.base_url + "/upload?")
    status = client.call("video/getStatus", {"video_id": created["video_id"]})
    assert status == {"status": 10, "info": "上传中"}
    # A path the catalog does not list goes out as is (a leading slash is tolerated).
    assert client.call("/video/getStatus", {"video_id": created["video_id"]}) == status
    names = client.call("video/getVideoList", {"page": 1, "page_size": 1000, "name": "generic.mp4", "x": None})
    assert [v["video_id"] for v in names["list"]] == [created["video_id"]]
    with pytest.raises(vodkit.ProviderError) as err:
        client.call("video/noSuchThing")
    assert err.value.http_status == 404
    # A catalog operation's parameters are checked against its model first.
    emu.reset_stats()
    with pytest.raises(vodkit.InvalidInputError, match="unknown parameter"):
        client.call("video/getStatus", {"video_id": 1, "vid": 2})
    with pytest.raises(vodkit.InvalidInputError):
        client.call("video/getStatus", {"video_id": "not a number"})
    with pytest.raises(TypeError):
        client.call("video/getStatus", [("video_id", 1)])  # type: ignore[arg-type]
    assert emu.stats()["total"] == 0


def test_videos(emu: Emulator, client: vodkit.Baijiayun, transcoded, tmp_path: Path) -> None:
    # API 2, 4, 5: a new video waits for its bytes.
    created = client.get_upload_url(file_name="new.mp4", definition="16,1,4", format="1,4", encrypt=2)
    video_id = created["video_id"]
    assert video_id >= 100_000
    assert created["upload_url"].startswith(emu.base_url + "/upload?fid=")
    resume = client.get_resume_upload_url(video_id=video_id)
    assert (resume["video_id"], resume["upload_size"]) == (video_id, 0)
    assert resume["upload_url"].startswith(emu.base_url + "/upload?fid=")
    assert client.get_status(video_id) == {"status": 10, "info": "上传中"}

    # API 6, 23, 18 on a transcoded one.
    v = transcoded("lecture.mp4", size=96 * 1024)
    info = client.get_info(v["video_id"])
    assert (info["video_id"], info["name"], info["status"]) == (v["video_id"], "lecture.mp4", 100)
    assert (info["total_size"], info["file_md5"], info["length"]) == (v["size"], v["md5"], 1)
    assert sorted((t["definition"], t["type"]) for t in info["transcode_info"]) == sorted(
        (d, f) for d in ("low", "std") for f in ("mp4", "flv", "m3u8")
    )
    assert info["create_time"].isdigit() and info["category"] == []

    urls = client.get_url(video_id=v["video_id"])
    assert urls["video_id"] == v["video_id"]
    assert sorted(urls["play_info"]) == ["high", "low"]
    low = urls["play_info"]["low"]
    assert (low["width"], low["height"], low["size"], low["duration"]) == (320, 176, v["size"], 1)
    with urllib.request.urlopen(low["url"], timeout=10) as resp:
        served = resp.read()
    (tmp_path / "served").write_bytes(served)
    assert md5_of(tmp_path / "served") == v["md5"]
    m3u8 = client.get_url(video_id=v["video_id"], format="m3u8", expires_in=60)
    assert ".m3u8?token=" in m3u8["play_info"]["high"]["url"]

    token = client.get_player_token(video_id=v["video_id"], expires_in=3600)
    assert token["token"].endswith("-3600")

    # API 11.
    assert client.delete(video_id) == {"video_id": video_id}
    with pytest.raises(vodkit.InvalidInputError) as err:
        client.get_status(video_id)
    assert err.value.provider_code == "1001"


def test_management(emu: Emulator, client: vodkit.Baijiayun, transcoded) -> None:
    # API 1 (reading, not regenerating: the key is shared by the whole suite).
    assert client.create_key(emu.secret_key, 0) == {"partner_key": emu.partner_key}
    with pytest.raises(vodkit.VodkitError):
        client.create_key("not-the-secret-key", 0)

    a = transcoded("a.mp4")
    b = transcoded("b.mp4")
    va, vb = a["video_id"], b["video_id"]

    # API 7.
    images = client.get_image(va)
    assert (images["video_id"], images["width"], images["height"], images["img_count"]) == (va, 640, 368, 5)
    assert images["imgs"][0] == f"https://img.emulator.invalid/snapshot/{va}/1.jpg"

    # API 8: the whole SD definition goes.
    assert client.remove_definition(video_id=va, definition="16") == {"video_id": va, "definition": "16", "type": None}
    assert {t["definition"] for t in client.get_info(va)["transcode_info"]} == {"std"}
    assert client.remove_definition(video_id=va, definition="1", file_type="2") == {"video_id": va, "definition": "1", "type": "2"}
    with pytest.raises(vodkit.InvalidInputError):
        client.remove_definition(video_id=va, definition="3")  # not a definition bit

    # API 9: the source bytes leave the account's storage.
    used = client.get_account_info()["used_storage"]
    assert client.delete_origin_video(str(vb)) is None
    assert used - client.get_account_info()["used_storage"] == b["size"]

    # API 10.
    assert client.update(video_id=va, name="renamed.mp4") == {"video_id": va}
    assert client.get_info(va)["name"] == "renamed.mp4"

    # API 17.
    category = client.add_category("management", 0)["id"]
    levels = client.set_video_category(va, category)
    assert levels == {
        "video_id": va,
        "category_level1_id": category,
        "category_level2_id": 0,
        "category_level3_id": 0,
        "category_level4_id": 0,
        "category_level5_id": 0,
    }

    # API 19.
    tokens = client.get_player_token_batch(video_ids=f"{va},{vb}", expires_in=60)
    assert sorted(tokens) == sorted([str(va), str(vb)])
    assert all(t.endswith("-60") for t in tokens.values())

    # API 20.
    account = client.get_account_info()
    assert account["partner_id"] == int(emu.partner_id)
    assert (account["type"], account["status"], account["charge_type"]) == (2, 1, 0)
    assert account["total_storage"] == account["month_flow_limit"] == 10_737_418_240
    assert account["total_flow_limit"] is None and account["mobile"] == "13800000000"

    # API 26.
    assert client.set_publish_status(va, 2) == {"status": 2}
    assert client.get_info(va)["publish_status"] == 2

    # API 27.
    share = client.get_share_url(va)
    assert share["iframe"].startswith(f"{emu.base_url}/web/video/player?vid={va}&token=")
    assert f"vid={va}" in share["js"] and "player.swf" in share["flash"]

    # API 31: newest first, filtered by name and by creation time.
    listed = client.get_video_list(page=1, page_size=1000, name="renamed.mp4")
    assert [v["video_id"] for v in listed["list"]] == [va] and listed["total"] == 1
    assert listed["list"][0]["category"]["category_level1_id"] == category
    everything = client.get_video_list(page_size=1000)
    ids = [v["video_id"] for v in everything["list"]]
    assert ids.index(vb) < ids.index(va) and everything["page"] == 1
    future = datetime.datetime.now() + datetime.timedelta(days=3650)
    assert client.get_video_list(create_time=future.strftime("%Y-%m-%d %H:%M:%S"))["total"] == 0
    with pytest.raises(vodkit.InvalidInputError):
        client.get_video_list(page_size=1001)

    # API 40: back to transcoding.
    assert client.transcode_again(video_id=va, definition="8", format="1") == {"video_id": va, "definition": "8"}
    assert client.get_status(va)["status"] == 20


def test_categories(client: vodkit.Baijiayun, transcoded) -> None:
    root = client.add_category("课程", 0)
    assert (root["name"], root["parent_id"], root["level"], root["children"]) == ("课程", 0, 1, [])
    child = client.add_category("第一章", root["id"])
    assert (child["parent_id"], child["level"]) == (root["id"], 2)

    tree = client.get_category_list()["list"]
    node = next(c for c in tree if c["id"] == root["id"])
    assert [c["id"] for c in node["children"]] == [child["id"]]
    info = client.get_category_info(root["id"])
    assert (info["name"], [c["name"] for c in info["children"]]) == ("课程", ["第一章"])
    assert root["id"] in [c["id"] for c in client.get_category_info(0)["children"]]

    video = transcoded("in-category.mp4")["video_id"]
    client.set_video_category(video, child["id"])
    page = client.get_category_video(category_id=root["id"], page=1, page_size=10)
    assert (page["total"], page["page"], page["page_size"]) == (1, 1, 10)
    row = page["list"][0]
    assert (row["video_id"], row["category_level1_id"], row["category_level2_id"]) == (
        video,
        root["id"],
        child["id"],
    )
    with pytest.raises(vodkit.ProviderError):
        client.delete_category(root["id"])  # it holds a video
    client.set_video_category(video, 0)
    assert client.delete_category(root["id"]) == {"category_id": root["id"]}
    with pytest.raises(vodkit.InvalidInputError):
        client.delete_category(0)


def test_subtitles(client: vodkit.Baijiayun, transcoded, tmp_path: Path) -> None:
    video = transcoded("subtitled.mp4")["video_id"]
    vtt = tmp_path / "zh.vtt"
    vtt.write_text("WEBVTT\n\n00:00.000 --> 00:01.000\n你好\n", encoding="utf-8")
    srt = tmp_path / "en.SRT"
    srt.write_text("1\n00:00:00,000 --> 00:00:01,000\nhello\n", encoding="utf-8")

    first = client.upload_subtitle(name="中文", video_id=video, path=vtt)
    assert first["subtitle_name"] == "中文" and first["subtitle_path"].endswith(".vtt")
    second = client.upload_subtitle(video, "English", str(srt))
    listed = client.get_subtitle_list(video)
    assert [(s["subtitle_id"], s["is_default"]) for s in listed] == [
        (first["subtitle_id"], True),
        (second["subtitle_id"], False),
    ]
    assert client.set_default_subtitle(video, second["subtitle_id"]) is None
    assert [s["is_default"] for s in client.get_subtitle_list(video)] == [False, True]
    assert client.update_subtitle(name="简体中文", subtitle_id=first["subtitle_id"]) is None
    assert client.get_subtitle_list(video)[0]["subtitle_name"] == "简体中文"
    assert client.delete_subtitle(second["subtitle_id"]) is None
    assert [(s["subtitle_id"], s["is_default"]) for s in client.get_subtitle_list(video)] == [
        (first["subtitle_id"], True)
    ]
    with pytest.raises(vodkit.InvalidInputError):
        client.upload_subtitle(video, "x", tmp_path / "missing.vtt")


# ---------------------------------------------------------------- statistics

M64 = (1 << 64) - 1


def mix(key: str) -> int:
    """The emulator's statistics rule (FNV-1a, SplitMix64 finish)."""
    h = 0xCBF29CE484222325
    for b in key.encode():
        h ^= b
        h = (h * 0x100000001B3) & M64
    h = ((h ^ (h >> 30)) * 0xBF58476D1CE4E5B9) & M64
    h = ((h ^ (h >> 27)) * 0x94D049BB133111EB) & M64
    return h ^ (h >> 31)


def china_day(unix: int) -> datetime.date:
    return datetime.date(1970, 1, 1) + datetime.timedelta(days=(unix + 8 * 3600) // 86400)


def test_statistics(emu: Emulator, client: vodkit.Baijiayun, transcoded) -> None:
    v = transcoded("played.mp4", size=100_000)
    video, size = v["video_id"], v["size"]
    first = china_day(int(client.get_info(video)["create_time"]))
    emu.advance(12 * 86400)
    today = china_day(emu.control("POST", "clock/advance", {"seconds": 0})["now"])

    def plays(day: datetime.date) -> int:
        if day < first or day >= today:
            return 0
        return mix(f"{video}:{day.isoformat()}") % 8

    # A range inside one month (API 21 refuses others), starting on day one.
    start = first
    end = min(first + datetime.timedelta(days=6), today - datetime.timedelta(days=1))
    while end.month != start.month:
        end -= datetime.timedelta(days=1)
    days = [start + datetime.timedelta(days=i) for i in range((end - start).days + 1)]
    expected_plays = {d.isoformat(): plays(d) for d in days}

    # API 21, 29: exact, per video.
    assert client.get_video_used_flow(video, start.isoformat(), end.isoformat()) == {
        "flow": size * sum(expected_plays.values())
    }
    assert client.get_video_daily_play_count(video, start.isoformat(), end.isoformat()) == {"play_count": expected_plays}

    # API 24: the plays of one day, as the rule describes each one.
    day = max(days, key=plays)
    records = []
    for i in range(plays(day)):
        h = mix(f"{video}:{day.isoformat()}:{i}")
        records.append((h % 86400, i, h))
    records.sort()
    page = client.get_video_play_record(
        video_id=video, start_time=f"{day} 00:00:00", end_time=f"{day} 23:59:59", page_size=1000
    )
    assert (page["total"], page["page"], page["page_size"]) == (len(records), 1, 1000)
    for got, (begin, i, h) in zip(page["list"], records):
        assert got["guid"] == f"{h:016X}{mix(f'guid:{video}:{day}:{i}'):016X}"
        assert got["video_id"] == video and got["play_begin_time"].startswith(day.isoformat())
        assert got["play_length"] == (h >> 17) % 1800
    with pytest.raises(vodkit.InvalidInputError):
        client.get_video_play_record(
            video_id=video, start_time=f"{day} 00:00:00", end_time=f"{day + datetime.timedelta(days=1)} 00:00:00"
        )

    # Account-wide answers (every transcoded video of the suite) agree with
    # each other and contain this video's figures.
    account_flow = client.get_account_used_flow(start.isoformat(), end.isoformat())["flow"]
    detail = client.get_account_used_flow_detail(start.isoformat(), end.isoformat())["flow"]
    assert sorted(detail) == sorted(expected_plays) and sum(detail.values()) == account_flow
    assert account_flow >= size * sum(expected_plays.values())

    daily = client.get_partner_daily_play_count(start.isoformat(), end.isoformat())["play_count"]
    rank = client.get_video_play_count_rank(start.isoformat(), end.isoformat())["play_rank"]
    assert sum(daily.values()) == sum(r["play_count"] for r in rank)
    counts = [r["play_count"] for r in rank]
    assert counts == sorted(counts, reverse=True)
    if sum(expected_plays.values()):
        assert {"video_id": video, "play_count": sum(expected_plays.values())} in rank
    assert client.get_partner_daily_play_count(start.isoformat(), end.isoformat(), product_type=1)["play_count"] == {
        d: 0 for d in expected_plays
    }
    assert client.get_video_play_count_rank(start.isoformat(), end.isoformat(), product_type=2) == {"play_rank": []}

    batch = client.export_video_report_batch(start_time=f"{day} 00:00:00", end_time=f"{day} 23:59:59", page_size=1000)
    assert batch["total"] == daily[day.isoformat()]
    assert sum(1 for r in batch["list"] if r["video_id"] == video) == plays(day)

    flows = client.get_product_used_flow_detail(date=day.isoformat(), product_type=5, page_size=1000)
    assert sum(f["flow"] for f in flows["list"]) == detail[day.isoformat()]
    assert {"video_id": video, "flow": plays(day) * size} in flows["list"]
    assert client.get_product_used_flow_detail(date=day.isoformat(), product_type=1) == {"total": 0, "list": []}

    storage = client.get_storage_and_flow_info()
    assert storage["total"] == storage["video"]
    assert storage["large_class"] == {"storage": 0, "flow": 0} and storage["doc"] == {"storage": 0, "flow": 0}
    assert storage["video"]["storage"] > 0 and storage["video"]["flow"] >= account_flow

    with pytest.raises(vodkit.InvalidInputError):
        client.get_account_used_flow("2024-02-30", "2024-03-01")
    with pytest.raises(vodkit.InvalidInputError):
        client.get_account_used_flow([2024, 1, 1], "2024-03-01")  # type: ignore[arg-type]


def test_transcode_callback_url(client: vodkit.Baijiayun) -> None:
    url = "http://127.0.0.1:9/vodkit-callback"
    assert client.set_transcode_callback_url(url) == {"url": url}
    assert client.get_transcode_callback_url() == {"url": url}
    with pytest.raises(vodkit.InvalidInputError):
        client.set_transcode_callback_url("ftp://example")


# ---------------------------------------------------------------- interactive (API 41-58)


def test_notices_documents_and_categories_of_videos(client: vodkit.Baijiayun, transcoded, tmp_path: Path) -> None:
    video = transcoded("noticed.mp4")["video_id"]
    lines = [{"content": "欢迎", "link": "https://example.com/a"}, {"content": "second", "link": ""}]
    notice = client.create_notice(lines)
    assert notice["id"] >= 87826 and notice["notice"] == lines
    assert client.bind_notice(str(video), notice["id"]) is None
    with pytest.raises(vodkit.InvalidInputError):
        client.create_notice([])

    category = client.add_category("interactive", 0)["id"]
    client.set_video_category(video, category)
    listed = client.get_videos_category(video_ids=f"{video},1", category_id=category)
    assert listed == {
        "list": [
            {
                "video_id": video,
                "category_level1_id": category,
                "category_level2_id": 0,
                "category_level3_id": 0,
                "category_level4_id": 0,
                "category_level5_id": 0,
            }
        ]
    }

    doc = tmp_path / "notes.txt"
    doc.write_text("slides")
    assert client.upload_document(str(video), doc) is None
    with pytest.raises(vodkit.InvalidInputError):
        client.upload_document(str(video), tmp_path / "notes.exe")


def test_questions_and_answers(client: vodkit.Baijiayun, transcoded) -> None:
    video = transcoded("quiz.mp4")["video_id"]
    question = {
        "title": "1 + 1 = ?",
        "option_type": 1,
        "show_time": 5,
        "skip": True,
        "option_list": [{"value": "2", "is_right": True}, {"value": "3", "is_right": False}],
    }
    assert client.save_question_list(str(video), [question]) is None
    saved = client.get_question_list(str(video))
    assert saved["total"] == 1
    q = saved["question_list"][0]
    assert (q["title"], q["option_type"], q["show_time"], q["skip"], q["ver"]) == ("1 + 1 = ?", 1, 5, True, 1)
    assert [(o["value"], o["is_right"]) for o in q["option_list"]] == [("2", True), ("3", False)]

    q["title"] = "1 + 1 = ? (edited)"
    assert client.save_question_list(str(video), [q]) is None
    edited = client.get_question_list(str(video))["question_list"]
    assert [(e["id"], e["title"], e["ver"]) for e in edited] == [(q["id"], "1 + 1 = ? (edited)", 2)]

    # Answers are derived from who watches: (user + question) picks the option.
    user = 305467
    assert client.add_viewers(str(video), str(user)) is None
    seed = user + q["id"]
    records = client.get_answer_records(str(video))["list"]
    assert len(records) == 1 and records[0]["user_number"] == str(user)
    if seed % 4 == 0:
        assert (records[0]["skip_count"], records[0]["right_count"]) == (1, "0/1")
    else:
        pick = seed % 2
        assert records[0]["answer_list"][0]["solution"] == "AB"[pick]
        assert records[0]["right_count"] == ("1/1" if pick == 0 else "0/1")

    assert client.delete_questions(str(video), str(q["id"])) is None
    assert client.get_question_list(str(video)) == {"total": 0, "question_list": []}
    with pytest.raises(vodkit.InvalidInputError):
        client.save_question_list(str(video), [{"title": "no options"}])


def test_markers_and_viewer_token(emu: Emulator, client: vodkit.Baijiayun, transcoded) -> None:
    video = transcoded("marked.mp4")["video_id"]
    markers = [{"time_offset": "00:00:05", "description": "intro", "reference_link": "", "btntxt": "go", "image": ""}]
    assert client.set_markers(str(video), markers) is None
    assert client.get_markers(str(video)) == {"total": 1, "list": markers, "enable_jump": False}
    assert client.set_marker_jump(str(video), 1) is None
    assert client.get_markers(str(video))["enable_jump"] is True
    assert client.set_markers(str(video), []) is None
    assert client.get_markers(str(video))["total"] == 0

    token = client.get_viewer_token(user_number=42, name="Ann", avatar="https://example.com/a.png")["token"]
    head, body, _signature = token.split(".")
    payload = json.loads(base64.urlsafe_b64decode(body + "=" * (-len(body) % 4)))
    assert (payload["user_number"], payload["name"], payload["partner_id"]) == (42, "Ann", emu.partner_id)
    with pytest.raises(vodkit.InvalidInputError):
        client.get_viewer_token(user_number=0)


def test_user_groups_and_viewers(client: vodkit.Baijiayun, transcoded) -> None:
    video = transcoded("watched.mp4")["video_id"]
    assert client.add_user_group(str(video), 132526) is None
    groups = client.get_user_groups(str(video))
    assert groups == {
        "list": [{"group_id": 132526, "name": "测试分组", "all_count": 2, "select_count": 0}],
        "total": 1,
    }
    assert client.add_viewers(str(video), "305467,306231") is None
    assert client.get_user_groups(str(video))["list"][0]["select_count"] == 1
    viewers = client.get_viewers(video_unique=str(video), page=1, page_size=1)
    assert viewers["total"] == 2
    assert [(v["user_id"], v["name"], v["email"]) for v in viewers["list"]] == [
        (305467, "学员1", "305467@baijiayun.com")
    ]
    assert client.remove_viewers(str(video), "305467") is None
    assert [v["user_id"] for v in client.get_viewers(video_unique=str(video))["list"]] == [306231]
    assert client.remove_user_group(str(video), 132526) is None
    assert client.get_user_groups(str(video)) == {"list": [], "total": 0}
    with pytest.raises(vodkit.ProviderError) as err:
        client.add_viewers(str(video), "1")  # unknown user: code 1
    assert err.value.provider_code == "1"


def test_every_catalog_operation_is_a_documented_typed_method(client: vodkit.Baijiayun) -> None:
    """The generated class mirrors the catalog: one method per operation,
    named by its `function`, documented, and typed in the .pyi stub."""
    operations = client.operations()
    assert len(operations) == 59
    stub = Path(vodkit._generated.baijiayun.__file__).with_suffix(".pyi")
    tree = ast.parse(stub.read_text(encoding="utf-8"))
    cls = next(n for n in tree.body if isinstance(n, ast.ClassDef) and n.name == "Baijiayun")
    stubs = {n.name: n for n in cls.body if isinstance(n, ast.FunctionDef)}
    typed_dicts = {
        n.name
        for n in tree.body
        if isinstance(n, ast.ClassDef) and any(getattr(b, "id", "").endswith(("TypedDict", "Required")) for b in n.bases)
    }
    for op in operations:
        assert op["provider"] == "baijiayun"
        name = op["function"]
        method = getattr(vodkit.Baijiayun, name)
        doc = inspect.getdoc(method)
        assert doc and op["name"] in doc, name
        if op["doc"]:
            assert doc.startswith(op["doc"].split("`")[0].strip()), name
        for param in op["params"]:
            # The argument name (snake_case in every binding), not the wire name.
            assert f":param {param['argument']}:" in doc, (name, param["argument"])
        assert ("Provisional" in doc) == op["provisional"], name

        # The stub: every parameter annotated, required ones positional,
        # optional ones keyword-only and defaulting to None; a real answer type.
        fn = stubs[name]
        positional = [a.arg for a in fn.args.args[1:]]
        keyword = [a.arg for a in fn.args.kwonlyargs]
        required = [p["argument"] for p in op["params"] if p["required"]]
        optional = [p["argument"] for p in op["params"] if not p["required"]]
        assert positional == required + (["path"] if op["file_field"] else []), name
        assert keyword == optional, name
        assert all(isinstance(d, ast.Constant) and d.value is None for d in fn.args.kw_defaults), name
        kinds = {"integer": "int", "string": "str", "boolean": "bool", "number": "float", "array": "Sequence"}
        for arg in fn.args.args[1:] + fn.args.kwonlyargs:
            annotation = ast.unparse(arg.annotation)  # type: ignore[arg-type]
            param = next((p for p in op["params"] if p["argument"] == arg.arg), None)
            if param is None:
                assert annotation == "_Path"
            elif param["type"] in kinds:
                assert kinds[param["type"]] in annotation, (name, arg.arg, annotation)
        returns = ast.unparse(fn.returns)  # type: ignore[arg-type]
        assert "Any" not in returns and "dict[str, Any]" not in returns, (name, returns)
        if op["answer"].get("properties"):
            assert returns in typed_dicts, (name, returns)
    # Nothing but the catalog, the inherited client and the config.
    generated = {n for n, v in vars(vodkit.Baijiayun).items() if callable(v) and not n.startswith("_")}
    assert generated == {op["function"] for op in operations}


def test_generic_and_typed_calls_give_the_same_answer(emu: Emulator, client: vodkit.Baijiayun, transcoded) -> None:
    generic = vodkit.Client("baijiayun", **emu.config())
    video = transcoded("same.mp4")["video_id"]
    assert generic.call("video/getInfo", {"video_id": video}) == client.get_info(video)
    assert generic.call("video/getImage", {"video_id": video}) == client.get_image(video)
    assert generic.call("video/getCategoryInfo", {"category_id": 0}) == client.get_category_info(0)
    assert generic.call("video/getVideoList", {"page_size": 1000}) == client.get_video_list(page_size=1000)
    assert generic.call("video/getSubtitleList", {"video_id": video}) == client.get_subtitle_list(video)
    assert generic.operations() == client.operations()


def test_file_fields_are_part_of_the_overridable_catalog_entry(emu: Emulator, transcoded, tmp_path: Path) -> None:
    # Issue 11, item 12: the document field (API 47) was hard-coded in the
    # typed methods, and the generic call needed the field spelled out.
    video = str(transcoded("documented.mp4")["video_id"])
    notes = tmp_path / "notes.txt"
    notes.write_text("lecture notes", encoding="utf-8")
    plain = emu.client()
    # "" is the operation's own field; the typed method uses it too.
    assert plain.call_with_file("video/uploadDocument", {"video_unique": video}, "", notes) is None
    assert plain.upload_document(video, notes) is None

    renamed = emu.client(file_fields={"video/uploadDocument": "document"})
    fields = {op["name"]: op["file_field"] for op in renamed.operations()}
    assert fields["video/uploadDocument"] == "document"
    assert fields["video/uploadSubtitle"] == "subtitle"
    # The override reaches the wire: the emulator wants `file`, so it refuses.
    for call in (
        lambda: renamed.upload_document(video, notes),
        lambda: renamed.call_with_file("video/uploadDocument", {"video_unique": video}, "", notes),
    ):
        with pytest.raises(vodkit.InvalidInputError, match="file is required"):
            call()
    # A field given by name wins over the override.
    assert renamed.call_with_file("video/uploadDocument", {"video_unique": video}, "file", notes) is None
    with pytest.raises(vodkit.InvalidInputError, match="file_fields"):
        emu.client(file_fields={"video/getStatus": "x"})
