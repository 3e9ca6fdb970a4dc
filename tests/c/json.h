/* A tiny JSON reader for the test programs (C11 and C++17): enough to walk
 * the catalog `vodkit_client_operations` returns and to read results. Not a
 * general-purpose parser: numbers are kept as doubles, \u escapes outside
 * ASCII become '?'. json_free releases a whole tree. */
#ifndef VODKIT_TEST_JSON_H
#define VODKIT_TEST_JSON_H

#include <stdbool.h>
#include <stddef.h>
#include <stdlib.h>
#include <string.h>

typedef enum { JSON_NULL, JSON_BOOL, JSON_NUMBER, JSON_STRING, JSON_ARRAY, JSON_OBJECT } json_type;

typedef struct json {
    json_type type;
    bool boolean;
    double number;
    char *string;         /* JSON_STRING: the value; in an object's member: its key */
    struct json *child;   /* first element or member */
    struct json *next;    /* next sibling */
    char *key;            /* the member's key inside an object */
} json;

static inline void json_free(json *j) {
    while (j != NULL) {
        json *next = j->next;
        json_free(j->child);
        free(j->string);
        free(j->key);
        free(j);
        j = next;
    }
}

static inline const char *json_ws_(const char *p) {
    while (*p == ' ' || *p == '\t' || *p == '\n' || *p == '\r') p++;
    return p;
}

static inline const char *json_parse_value_(const char *p, json **out);

/* Parses a string literal at p (at the opening quote) into a new buffer. */
static inline const char *json_parse_string_(const char *p, char **out) {
    if (*p != '"') return NULL;
    p++;
    size_t cap = 16, len = 0;
    char *buf = (char *)malloc(cap);
    if (buf == NULL) return NULL;
    while (*p != '"') {
        char c = *p;
        if (c == '\0') {
            free(buf);
            return NULL;
        }
        if (c == '\\') {
            p++;
            switch (*p) {
            case '"': c = '"'; break;
            case '\\': c = '\\'; break;
            case '/': c = '/'; break;
            case 'b': c = '\b'; break;
            case 'f': c = '\f'; break;
            case 'n': c = '\n'; break;
            case 'r': c = '\r'; break;
            case 't': c = '\t'; break;
            case 'u': {
                unsigned v = 0;
                for (int i = 1; i <= 4; i++) {
                    char h = p[i];
                    v <<= 4;
                    if (h >= '0' && h <= '9') v |= (unsigned)(h - '0');
                    else if (h >= 'a' && h <= 'f') v |= (unsigned)(h - 'a' + 10);
                    else if (h >= 'A' && h <= 'F') v |= (unsigned)(h - 'A' + 10);
                    else {
                        free(buf);
                        return NULL;
                    }
                }
                p += 4;
                c = v < 0x80 ? (char)v : '?';
                break;
            }
            default:
                free(buf);
                return NULL;
            }
        }
        if (len + 2 > cap) {
            cap *= 2;
            char *grown = (char *)realloc(buf, cap);
            if (grown == NULL) {
                free(buf);
                return NULL;
            }
            buf = grown;
        }
        buf[len++] = c;
        p++;
    }
    buf[len] = '\0';
    *out = buf;
    return p + 1;
}

static inline json *json_new_(json_type type) {
    json *j = (json *)calloc(1, sizeof(json));
    if (j != NULL) j->type = type;
    return j;
}

/* Parses the elements (or members) of an array (object) up to `close`. */
static inline const char *json_parse_items_(const char *p, json *parent, char close) {
    json **tail = &parent->child;
    p = json_ws_(p);
    if (*p == close) return p + 1;
    for (;;) {
        char *key = NULL;
        if (close == '}') {
            p = json_parse_string_(json_ws_(p), &key);
            if (p == NULL) return NULL;
            p = json_ws_(p);
            if (*p != ':') {
                free(key);
                return NULL;
            }
            p++;
        }
        json *item = NULL;
        p = json_parse_value_(p, &item);
        if (p == NULL) {
            free(key);
            return NULL;
        }
        item->key = key;
        *tail = item;
        tail = &item->next;
        p = json_ws_(p);
        if (*p == ',') {
            p++;
            continue;
        }
        if (*p == close) return p + 1;
        return NULL;
    }
}

static inline const char *json_parse_value_(const char *p, json **out) {
    p = json_ws_(p);
    json *j = NULL;
    if (*p == '{' || *p == '[') {
        j = json_new_(*p == '{' ? JSON_OBJECT : JSON_ARRAY);
        if (j == NULL) return NULL;
        p = json_parse_items_(p + 1, j, *p == '{' ? '}' : ']');
    } else if (*p == '"') {
        j = json_new_(JSON_STRING);
        if (j == NULL) return NULL;
        p = json_parse_string_(p, &j->string);
    } else if (strncmp(p, "true", 4) == 0 || strncmp(p, "false", 5) == 0) {
        j = json_new_(JSON_BOOL);
        if (j == NULL) return NULL;
        j->boolean = *p == 't';
        p += j->boolean ? 4 : 5;
    } else if (strncmp(p, "null", 4) == 0) {
        j = json_new_(JSON_NULL);
        if (j == NULL) return NULL;
        p += 4;
    } else {
        char *end = NULL;
        double v = strtod(p, &end);
        if (end == p) return NULL;
        j = json_new_(JSON_NUMBER);
        if (j == NULL) return NULL;
        j->number = v;
        p = end;
    }
    if (p == NULL) {
        json_free(j);
        return NULL;
    }
    *out = j;
    return p;
}

/* Parses `text`; NULL if it is not (this subset of) JSON. */
static inline json *json_parse(const char *text) {
    json *j = NULL;
    const char *end = json_parse_value_(text, &j);
    if (end == NULL) return NULL;
    if (*json_ws_(end) != '\0') {
        json_free(j);
        return NULL;
    }
    return j;
}

/* The member `key` of an object, or NULL. */
static inline const json *json_get(const json *object, const char *key) {
    if (object == NULL || object->type != JSON_OBJECT) return NULL;
    for (const json *m = object->child; m != NULL; m = m->next) {
        if (strcmp(m->key, key) == 0) return m;
    }
    return NULL;
}

/* The string member `key`, or NULL when absent or not a string. */
static inline const char *json_get_string(const json *object, const char *key) {
    const json *v = json_get(object, key);
    return v != NULL && v->type == JSON_STRING ? v->string : NULL;
}

static inline size_t json_length(const json *array) {
    size_t n = 0;
    if (array == NULL) return 0;
    for (const json *e = array->child; e != NULL; e = e->next) n++;
    return n;
}

#endif
