/* Checkpoints from C: an upload with "checkpoint_dir" that stops (aborted
 * from the progress callback) leaves one, listed with its resume handle —
 * the same handle the first progress report carried in `resume_json`;
 * removing it empties the list; a plain upload with the directory resumes
 * it, and a finished upload leaves none. */
#include "harness.h"
#include "json.h"

typedef struct {
    int calls;
    char *first_resume; /* copied: resume_json is valid only during the call */
} seen;

static int32_t abort_after_a_mib(void *user_data, const vodkit_progress *p) {
    seen *s = user_data;
    s->calls++;
    if (s->first_resume == NULL) {
        CHECK(p->resume_json != NULL); /* from the first report on */
        s->first_resume = strdup(p->resume_json);
    }
    return p->bytes_done >= 1024 * 1024 ? VODKIT_ABORT : VODKIT_CONTINUE;
}

static size_t count_checkpoints(const char *dir, char *key_out) {
    char *list = NULL;
    OK(vodkit_checkpoints_list(dir, &list));
    json *j = json_parse(list);
    CHECK(j != NULL && j->type == JSON_ARRAY);
    size_t n = json_length(j);
    if (n > 0 && key_out != NULL) {
        const char *key = json_get_string(j->child, "key");
        CHECK(key != NULL && strlen(key) == 32);
        strcpy(key_out, key);
        CHECK(strcmp(json_get_string(j->child, "provider"), "baijiayun") == 0);
    }
    json_free(j);
    vodkit_string_free(list);
    return n;
}

int main(int argc, char **argv) {
    if (argc < 2) FAIL("usage: checkpoint FILE");
    make_file(argv[1], 2 * 1024 * 1024);
    char dir[1024];
    snprintf(dir, sizeof dir, "%s.checkpoints", argv[1]);
    char options[1200];
    snprintf(options, sizeof options, "{\"checkpoint_dir\":\"%s\",\"ranged\":true}", dir);
    vodkit_client *client = emulator_client(0, 256 * 1024);
    char *result = NULL;

    CHECK(count_checkpoints(dir, NULL) == 0); /* no directory yet: none */
    seen s = {0, NULL};
    vodkit_error *err = expect_error(
        vodkit_client_upload(client, argv[1], options, abort_after_a_mib, &s, NULL, &result),
        VODKIT_ERROR_CANCELLED, "abort from the progress callback");
    char *resume = vodkit_error_resume(err);
    vodkit_error_free(err);
    CHECK(resume != NULL && s.first_resume != NULL);
    CHECK(json_int_member(s.first_resume, "video_id") == json_int_member(resume, "video_id"));

    char key[33] = "";
    CHECK(count_checkpoints(dir, key) == 1);
    /* The listed handle resumes the upload: a plain upload finds it. */
    OK(vodkit_client_upload(client, argv[1], options, NULL, NULL, NULL, &result));
    CHECK(json_int_member(result, "video_id") == json_int_member(resume, "video_id"));
    CHECK(json_int_member(result, "resumed_from") > 0);
    vodkit_string_free(result);
    CHECK(count_checkpoints(dir, NULL) == 0); /* done: gone */

    /* Stopped again, then removed: the next upload is a new video. */
    free(s.first_resume);
    s.first_resume = NULL;
    s.calls = 0;
    EXPECT_ERR(vodkit_client_upload(client, argv[1], options, abort_after_a_mib, &s, NULL, &result),
               VODKIT_ERROR_CANCELLED);
    CHECK(count_checkpoints(dir, key) == 1);
    OK(vodkit_checkpoint_remove(dir, key));
    OK(vodkit_checkpoint_remove(dir, key)); /* not there: still fine */
    CHECK(count_checkpoints(dir, NULL) == 0);
    OK(vodkit_client_upload(client, argv[1], options, NULL, NULL, NULL, &result));
    CHECK(json_int_member(result, "resumed_from") == 0);
    CHECK(json_int_member(result, "video_id") != json_int_member(s.first_resume, "video_id"));
    vodkit_string_free(result);

    free(s.first_resume);
    vodkit_string_free(resume);
    vodkit_client_free(client);
    CHECK(vodkit_live_objects() == 0);
    printf("checkpoint: ok\n");
    return 0;
}
