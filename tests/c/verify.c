/* Verifying a real transcode callback the emulator sent (the harness saves
 * its raw body to a file), and rejecting tampered copies. */
#include "harness.h"

static size_t read_file(const char *path, char *buf, size_t cap) {
    FILE *f = fopen(path, "rb");
    if (f == NULL) FAIL("cannot open %s", path);
    size_t n = fread(buf, 1, cap, f);
    fclose(f);
    return n;
}

int main(int argc, char **argv) {
    if (argc < 2) FAIL("usage: verify BODY_FILE");
    char body[8192];
    size_t len = read_file(argv[1], body, sizeof body);
    CHECK(len > 0 && len < sizeof body);

    vodkit_baijiayun_verifier *verifier = NULL;
    OK(vodkit_baijiayun_verifier_new(env_or_die("VODKIT_PARTNER_KEY"), 0, true, &verifier));
    char *event = NULL;
    OK(vodkit_baijiayun_verify_transcode_body(verifier, (const uint8_t *)body, len, &event));
    CHECK(strstr(event, "\"video_id\":") != NULL && strstr(event, "\"qid\":") != NULL);
    vodkit_string_free(event);
    event = NULL;

    /* Tampered: change the status digit after "status=". */
    char tampered[8192];
    memcpy(tampered, body, len);
    char *status = strstr(tampered, "status=");
    CHECK(status != NULL);
    status[7] = status[7] == '1' ? '3' : '1';
    vodkit_error *err = expect_error(
        vodkit_baijiayun_verify_transcode_body(verifier, (const uint8_t *)tampered, len, &event),
        VODKIT_ERROR_VERIFICATION, "tampered");
    CHECK(strcmp(vodkit_error_detail(err), "tampered") == 0);
    vodkit_error_free(err);
    CHECK(event == NULL);

    /* Unsigned: cut the body before "&sign=" (the emulator sends sign last). */
    char *sign = strstr(body, "&sign=");
    CHECK(sign != NULL);
    err = expect_error(vodkit_baijiayun_verify_transcode_body(verifier, (const uint8_t *)body, (size_t)(sign - body), &event),
                       VODKIT_ERROR_VERIFICATION, "unsigned");
    CHECK(strcmp(vodkit_error_detail(err), "unsigned") == 0);
    vodkit_error_free(err);

    /* Malformed. */
    err = expect_error(vodkit_baijiayun_verify_transcode_body(verifier, (const uint8_t *)"", 0, &event),
                       VODKIT_ERROR_VERIFICATION, "empty");
    CHECK(strcmp(vodkit_error_detail(err), "malformed") == 0);
    vodkit_error_free(err);

    /* Fields given one by one, signed here with the signer. */
    const char *keys[] = {"video_id", "status", "qid", "timestamp", "sign"};
    const char *values[] = {"7", "30", "q1", "1700000000", NULL};
    char *s = NULL;
    OK(vodkit_baijiayun_sign(keys, values, 4, env_or_die("VODKIT_PARTNER_KEY"), &s));
    values[4] = s;
    OK(vodkit_baijiayun_verify_transcode_fields(verifier, keys, values, 5, &event));
    CHECK(strstr(event, "\"status\":30") != NULL);
    vodkit_string_free(event);
    values[1] = "100";
    EXPECT_ERR(vodkit_baijiayun_verify_transcode_fields(verifier, keys, values, 5, &event), VODKIT_ERROR_VERIFICATION);
    vodkit_string_free(s);

    /* Stale: a one-second window rejects a 2023 timestamp. */
    vodkit_baijiayun_verifier *strict = NULL;
    OK(vodkit_baijiayun_verifier_new(env_or_die("VODKIT_PARTNER_KEY"), 1, true, &strict));
    values[1] = "30";
    OK(vodkit_baijiayun_sign(keys, values, 4, env_or_die("VODKIT_PARTNER_KEY"), &s));
    values[4] = s;
    err = expect_error(vodkit_baijiayun_verify_transcode_fields(strict, keys, values, 5, &event), VODKIT_ERROR_VERIFICATION, "stale");
    CHECK(strcmp(vodkit_error_detail(err), "stale") == 0);
    vodkit_error_free(err);
    vodkit_string_free(s);

    /* Playback auth. */
    const char *auth = "access_key=abc&video_id=5";
    EXPECT_ERR(vodkit_baijiayun_verify_playback_auth_body(verifier, (const uint8_t *)auth, strlen(auth), &event),
               VODKIT_ERROR_VERIFICATION);
    vodkit_baijiayun_verifier *lenient = NULL;
    OK(vodkit_baijiayun_verifier_new(env_or_die("VODKIT_PARTNER_KEY"), 0, false, &lenient));
    OK(vodkit_baijiayun_verify_playback_auth_body(lenient, (const uint8_t *)auth, strlen(auth), &event));
    CHECK(strstr(event, "\"access_key\":\"abc\"") != NULL);
    vodkit_string_free(event);

    const char *auth_keys[] = {"access_key", "video_id"};
    const char *auth_values[] = {"abc", "5"};
    OK(vodkit_baijiayun_verify_playback_auth_fields(lenient, auth_keys, auth_values, 2, &event));
    CHECK(strstr(event, "\"video_id\":5") != NULL);
    vodkit_string_free(event);
    EXPECT_ERR(vodkit_baijiayun_verify_playback_auth_fields(verifier, auth_keys, auth_values, 2, &event),
               VODKIT_ERROR_VERIFICATION);
    vodkit_baijiayun_verifier_free(lenient);
    vodkit_baijiayun_verifier_free(strict);
    vodkit_baijiayun_verifier_free(verifier);
    CHECK(vodkit_live_objects() == 0);
    printf("verify ok\n");
    return 0;
}
