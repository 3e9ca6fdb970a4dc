/* Built by scripts/test-install from outside the repository against an
 * installed vodkit (pkg-config), shared and static: checks the header and the
 * library agree on the ABI, then uploads a file to the emulator and reads the
 * video list back. Prints "consumer ok" on success. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <vodkit.h>

static unsigned long long last_done;

static int32_t on_progress(void *user_data, const vodkit_progress *p) {
    (void)user_data;
    last_done = (unsigned long long)p->bytes_done;
    return VODKIT_CONTINUE;
}

static int fail(vodkit_error *err, const char *what) {
    fprintf(stderr, "%s: error %u: %s\n", what, vodkit_error_code(err), vodkit_error_message(err));
    vodkit_error_free(err);
    return 1;
}

int main(int argc, char **argv) {
    const char *id = getenv("VODKIT_BAIJIAYUN_PARTNER_ID"), *key = getenv("VODKIT_BAIJIAYUN_PARTNER_KEY"),
               *url = getenv("VODKIT_BAIJIAYUN_BASE_URL");
    if (argc != 2 || !id || !key || !url) {
        fprintf(stderr, "usage: VODKIT_BAIJIAYUN_{PARTNER_ID,PARTNER_KEY,BASE_URL}=… %s FILE\n", argv[0]);
        return 2;
    }
    if (vodkit_abi_version() != VODKIT_ABI_VERSION) {
        fprintf(stderr, "header ABI %u, library ABI %u\n", VODKIT_ABI_VERSION, vodkit_abi_version());
        return 1;
    }
    char config[1024];
    snprintf(config, sizeof config, "{\"partner_id\":\"%s\",\"partner_key\":\"%s\",\"base_url\":\"%s\"}", id, key, url);
    vodkit_client *client = NULL;
    vodkit_error *err = vodkit_client_new("baijiayun", config, &client);
    if (err) return fail(err, "client");
    char *result = NULL;
    err = vodkit_client_upload(client, argv[1], "{\"file_name\":\"installed\"}", on_progress, NULL, NULL, &result);
    if (err) return fail(err, "upload");
    if (strstr(result, "\"video_id\"") == NULL || last_done == 0) {
        fprintf(stderr, "unexpected upload result %s (progress %llu)\n", result, last_done);
        return 1;
    }
    vodkit_string_free(result);
    err = vodkit_client_call(client, "video/getVideoList", "{\"page\":1}", &result);
    if (err) return fail(err, "getVideoList");
    int listed = strstr(result, "installed") != NULL;
    vodkit_string_free(result);
    vodkit_client_free(client);
    if (!listed) {
        fprintf(stderr, "the uploaded video is not in the list\n");
        return 1;
    }
    printf("consumer ok (vodkit %s, ABI %u)\n", vodkit_version(), vodkit_abi_version());
    return 0;
}
