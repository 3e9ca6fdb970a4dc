/* Every operation of the catalog is reachable, typed and documented: reads
 * vodkit_client_operations, checks each entry (a doc, typed parameters),
 * then calls it through vodkit_client_call (vodkit_client_call_with_file when
 * it sends a file) with a value of the right type for each required
 * parameter. Every call must reach the provider: a success, or a provider or
 * invalid-input error (or the provider's own auth refusal); never NULL_ARGUMENT, PANIC, INTERNAL or an unknown
 * operation. Prints "sent NAME" for each call the provider answered, which
 * tests/c_abi.rs checks against the emulator's request log. */
#include "harness.h"
#include "json.h"

static bool is_scalar_type(const char *t) {
    return t != NULL && (strcmp(t, "integer") == 0 || strcmp(t, "number") == 0 || strcmp(t, "string") == 0 ||
                         strcmp(t, "boolean") == 0 || strcmp(t, "object") == 0);
}

/* Appends a value of JSON type `type` (items of `items` for arrays). */
/* Whether `name` ends with `suffix`. */
static bool ends_with(const char *name, const char *suffix) {
    size_t n = strlen(name), k = strlen(suffix);
    return n >= k && strcmp(name + n - k, suffix) == 0;
}

/* A value of `type` for parameter `name` (dates and times in the format the
 * request models check, so the call reaches the provider). */
static void append_value(char *buf, size_t cap, const char *type, const char *items, const char *name) {
    size_t len = strlen(buf);
    if (name != NULL && strcmp(type, "string") == 0 && ends_with(name, "url")) {
        snprintf(buf + len, cap - len, "\"http://127.0.0.1:9/cb\"");
        return;
    }
    if (name != NULL && strcmp(type, "string") == 0 && (ends_with(name, "date") || ends_with(name, "_time"))) {
        snprintf(buf + len, cap - len, ends_with(name, "date") ? "\"2020-01-01\"" : "\"2020-01-01 00:00:00\"");
        return;
    }
    if (strcmp(type, "integer") == 0) snprintf(buf + len, cap - len, "1");
    else if (strcmp(type, "number") == 0) snprintf(buf + len, cap - len, "1.5");
    else if (strcmp(type, "boolean") == 0) snprintf(buf + len, cap - len, "true");
    else if (strcmp(type, "string") == 0) snprintf(buf + len, cap - len, "\"1\"");
    else if (strcmp(type, "object") == 0) snprintf(buf + len, cap - len, "{}");
    else if (strcmp(type, "array") == 0) {
        snprintf(buf + len, cap - len, "[");
        append_value(buf, cap, items, NULL, NULL);
        len = strlen(buf);
        snprintf(buf + len, cap - len, "]");
    } else FAIL("no value for type %s", type);
}

int main(int argc, char **argv) {
    if (argc < 2) FAIL("usage: operations SCRATCH_FILE");
    /* The file sent by operations that send one. */
    FILE *f = fopen(argv[1], "w");
    CHECK(f != NULL);
    fputs("WEBVTT\n\n00:00.000 --> 00:01.000\nhello\n", f);
    fclose(f);
    /* Documents (ppt/txt/pdf) go as a .txt file. */
    char document[4096];
    snprintf(document, sizeof document, "%s.txt", argv[1]);
    f = fopen(document, "w");
    CHECK(f != NULL);
    fputs("a document\n", f);
    fclose(f);

    vodkit_client *client = emulator_client(0, 0);
    char *text = NULL;
    OK(vodkit_client_operations(client, &text));
    json *ops = json_parse(text);
    vodkit_string_free(text);
    CHECK(ops != NULL && ops->type == JSON_ARRAY);
    CHECK(json_length(ops) > 0);

    int count = 0, answered = 0, refused = 0;
    for (const json *op = ops->child; op != NULL; op = op->next) {
        const char *name = json_get_string(op, "name");
        const char *function = json_get_string(op, "function");
        const char *doc = json_get_string(op, "doc");
        const char *method = json_get_string(op, "method");
        const json *params = json_get(op, "params");
        const json *file_field = json_get(op, "file_field");
        CHECK(name != NULL && *name != '\0');
        if (function == NULL || *function == '\0' || strspn(function, "abcdefghijklmnopqrstuvwxyz0123456789_") !=
                                                         strlen(function))
            FAIL("%s: the function name is not snake_case", name);
        if (doc == NULL || *doc == '\0') FAIL("%s has no doc", name);
        CHECK(json_get_string(op, "provider") != NULL && strcmp(json_get_string(op, "provider"), "baijiayun") == 0);
        CHECK(method != NULL && (strcmp(method, "GET") == 0 || strcmp(method, "POST") == 0));
        CHECK(json_get_string(op, "path") != NULL && json_get_string(op, "host") != NULL);
        CHECK(json_get(op, "provisional") != NULL && json_get(op, "provisional")->type == JSON_BOOL);
        CHECK(json_get(op, "answer") != NULL && json_get(op, "answer")->type == JSON_OBJECT);
        CHECK(file_field != NULL && (file_field->type == JSON_NULL || file_field->type == JSON_STRING));
        if (params == NULL || params->type != JSON_ARRAY) FAIL("%s: params is not an array", name);
        /* Names and functions are unique. */
        for (const json *other = op->next; other != NULL; other = other->next) {
            const char *other_name = json_get_string(other, "name");
            const char *other_function = json_get_string(other, "function");
            if (other_name != NULL && strcmp(other_name, name) == 0) FAIL("%s listed twice", name);
            if (other_function != NULL && strcmp(other_function, function) == 0) FAIL("function %s twice", function);
        }

        char body[4096] = "{";
        for (const json *p = params->child; p != NULL; p = p->next) {
            const char *pname = json_get_string(p, "name");
            const char *type = json_get_string(p, "type");
            const char *items = json_get_string(p, "items");
            const json *required = json_get(p, "required");
            CHECK(pname != NULL && *pname != '\0');
            if (json_get_string(p, "doc") == NULL) FAIL("%s.%s: no doc string", name, pname);
            if (json_get(p, "schema") == NULL) FAIL("%s.%s: no schema", name, pname);
            if (required == NULL || required->type != JSON_BOOL) FAIL("%s.%s: required is not a bool", name, pname);
            bool array = type != NULL && strcmp(type, "array") == 0;
            if (!(is_scalar_type(type) || (array && is_scalar_type(items))))
                FAIL("%s.%s is not typed: %s/%s", name, pname, type ? type : "-", items ? items : "-");
            if (!required->boolean) continue;
            size_t len = strlen(body);
            snprintf(body + len, sizeof body - len, "%s\"%s\":", body[1] ? "," : "", pname);
            append_value(body, sizeof body, type, items, pname);
        }
        strncat(body, "}", sizeof body - strlen(body) - 1);

        char *out = NULL;
        vodkit_error *err =
            file_field->type == JSON_STRING
                ? vodkit_client_call_with_file(client, name, body, file_field->string,
                                               strstr(name, "Document") != NULL ? document : argv[1], &out)
                : vodkit_client_call(client, name, body, &out);
        count++;
        if (err == NULL) {
            CHECK(out != NULL);
            printf("sent %s ok\n", name);
            answered++;
            vodkit_string_free(out);
            continue;
        }
        uint32_t code = vodkit_error_code(err);
        const char *message = vodkit_error_message(err);
        /* AUTH only as the provider's own answer (createkey's "secret_key error"). */
        bool provider_auth = code == VODKIT_ERROR_AUTH && vodkit_error_provider_code(err) != NULL;
        if (code != VODKIT_ERROR_PROVIDER && code != VODKIT_ERROR_INVALID_INPUT && !provider_auth)
            FAIL("%s %s: code %u: %s", name, body, code, message);
        if (strstr(message, "unknown operation") != NULL || strstr(message, "not an operation") != NULL)
            FAIL("%s: %s", name, message);
        if (vodkit_error_provider_code(err) != NULL) {
            printf("sent %s provider code %s\n", name, vodkit_error_provider_code(err));
            answered++;
        } else {
            /* Refused by the typed model (an array of objects given `[{}]`). */
            printf("refused %s %s: %s\n", name, body, message);
            refused++;
        }
        CHECK(out == NULL);
        vodkit_error_free(err);
    }
    printf("operations: %d, answered by the provider: %d, refused locally: %d\n", count, answered, refused);
    CHECK(answered + refused == count);
    json_free(ops);
    vodkit_client_free(client);
    CHECK(vodkit_live_objects() == 0);
    printf("operations ok\n");
    return 0;
}
