/* vodkit_client_upload_many over an array of sources (two paths and a
 * buffer), two files at once, with a checkpoint directory: every result is
 * in the JSON array, progress comes on this thread only and its total never
 * goes back; the same call again skips every file (the batch manifest) and
 * answers the same video ids. Bad arguments (jobs 0, a reader source) are
 * INVALID_INPUT before anything is sent. Prints `video_id=N` per file;
 * tests/c_abi.rs checks each stored file's MD5 against FILE's. */
#include "harness.h"
#include "json.h"

#include <sys/stat.h>

#define SIZE (700 * 1024 + 5)
#define COUNT 3

static pthread_t main_thread;

struct seen {
    unsigned calls;
    uint64_t last_total;
};

static int32_t on_progress(void *user_data, const vodkit_batch_progress *p) {
    struct seen *s = user_data;
    CHECK(pthread_equal(pthread_self(), main_thread));
    CHECK(p->bytes_done >= s->last_total);
    CHECK(p->bytes_done <= p->bytes_total);
    CHECK(p->index < COUNT && p->files_total == COUNT);
    CHECK(p->file_bytes_total == SIZE);
    s->last_total = p->bytes_done;
    s->calls++;
    return VODKIT_CONTINUE;
}

static int64_t never_read(void *user_data, uint64_t offset, uint8_t *buf, size_t len) {
    (void)user_data, (void)offset, (void)buf, (void)len;
    FAIL("a reader source in a batch was read");
}

static uint8_t *read_all(const char *path) {
    FILE *f = fopen(path, "rb");
    if (f == NULL) FAIL("cannot open %s", path);
    uint8_t *bytes = malloc(SIZE);
    CHECK(bytes != NULL && fread(bytes, 1, SIZE, f) == SIZE);
    fclose(f);
    return bytes;
}

/* The video ids of a batch's results; every file uploaded, `skipped` as expected. */
static void ids_of(const char *results, bool skipped, long long ids[COUNT]) {
    json *array = json_parse(results);
    CHECK(array != NULL && array->type == JSON_ARRAY && json_length(array) == COUNT);
    size_t i = 0;
    for (const json *item = array->child; item != NULL; item = item->next, i++) {
        CHECK(json_get(item, "error") == NULL);
        const json *was = json_get(item, "skipped");
        CHECK(was != NULL && was->type == JSON_BOOL && was->boolean == skipped);
        const json *id = json_get(json_get(item, "result"), "video_id");
        CHECK(id != NULL && id->type == JSON_NUMBER);
        ids[i] = (long long)id->number;
    }
    json_free(array);
}

int main(int argc, char **argv) {
    CHECK(argc == 2);
    main_thread = pthread_self();
    make_file(argv[1], SIZE);
    char copy[4096], cps[4096], options[8192];
    snprintf(copy, sizeof copy, "%s.copy", argv[1]);
    snprintf(cps, sizeof cps, "%s.cps", argv[1]);
    make_file(copy, SIZE); /* the same bytes: make_file is deterministic */
    snprintf(options, sizeof options, "{\"checkpoint_dir\":\"%s\",\"part_size\":131072}", cps);
    uint8_t *bytes = read_all(argv[1]);

    vodkit_client *client = emulator_client(3, 0);
    vodkit_source *sources[COUNT] = {NULL, NULL, NULL};
    OK(vodkit_source_from_path(argv[1], &sources[0]));
    OK(vodkit_source_from_path(copy, &sources[1]));
    OK(vodkit_source_from_buffer(bytes, SIZE, "buffer.mp4", &sources[2]));
    free(bytes); /* the source holds its own copy */

    struct seen seen = {0, 0};
    char *results = NULL;
    OK(vodkit_client_upload_many(client, (const vodkit_source *const *)sources, COUNT, options, 2,
                                 on_progress, &seen, NULL, &results));
    CHECK(seen.calls > 0);
    long long ids[COUNT], again[COUNT];
    ids_of(results, false, ids);
    vodkit_string_free(results);
    CHECK(ids[0] != ids[1] && ids[1] != ids[2] && ids[0] != ids[2]);
    for (int i = 0; i < COUNT; i++) printf("video_id=%lld\n", ids[i]);

    /* The same call again: nothing to send, the recorded ids. */
    results = NULL;
    OK(vodkit_client_upload_many(client, (const vodkit_source *const *)sources, COUNT, options, 2, NULL,
                                 NULL, NULL, &results));
    ids_of(results, true, again);
    vodkit_string_free(results);
    for (int i = 0; i < COUNT; i++) CHECK(again[i] == ids[i]);

    /* Bad arguments: typed errors, no out-param written. */
    results = NULL;
    EXPECT_ERR(vodkit_client_upload_many(client, (const vodkit_source *const *)sources, COUNT, NULL, 0, NULL,
                                         NULL, NULL, &results),
               VODKIT_ERROR_INVALID_INPUT);
    vodkit_source *reader = NULL;
    OK(vodkit_source_from_reader(never_read, NULL, SIZE, "r", VODKIT_SOURCE_READ_ON_CALLER, &reader));
    const vodkit_source *with_reader[2] = {sources[0], reader};
    EXPECT_ERR(vodkit_client_upload_many(client, with_reader, 2, NULL, 1, NULL, NULL, NULL, &results),
               VODKIT_ERROR_INVALID_INPUT);
    CHECK(results == NULL);
    /* No sources: an empty array. */
    OK(vodkit_client_upload_many(client, NULL, 0, NULL, 1, NULL, NULL, NULL, &results));
    CHECK(strcmp(results, "[]") == 0);
    vodkit_string_free(results);

    vodkit_source_free(reader);
    for (int i = 0; i < COUNT; i++) vodkit_source_free(sources[i]);
    vodkit_client_free(client);
    remove(copy);
    return 0;
}
