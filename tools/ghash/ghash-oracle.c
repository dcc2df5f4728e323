/*
 * ghash-oracle: replays insert/remove operations on a real GLib GHashTable made with
 * g_hash_table_new (g_str_hash, g_str_equal), as QEMU's QObject input visitor makes it, and writes
 * a transcript of what the table answered. The transcript is what GHashTableOrderTest replays
 * against dev.qapi.runtime.marshal.GHashTableOrder.
 *
 * Build: gcc -O2 -o ghash-oracle ghash-oracle.c $(pkg-config --cflags --libs glib-2.0)
 *
 * Input, one operation per line (KEY is a key token, see below):
 *   new           start over with an empty table
 *   ins KEY       g_hash_table_insert (table, KEY, NULL)
 *   rem KEY       g_hash_table_remove (table, KEY)
 *   first         the first key a fresh GHashTableIter returns
 *   order         every key, in GHashTableIter order
 *   # ...         a comment; blank lines are allowed
 * Output, one line per input line:
 *   new | # ... | (blank)          copied
 *   ins KEY 1|0, rem KEY 1|0       the operation and what GLib returned (1: the key was new /
 *                                  was present)
 *   first [KEY]                    no KEY when the table is empty
 *   order [KEY...]
 *   glib MAJOR.MINOR.MICRO         once, first, the GLib the program runs against
 *
 * A key token is the key's bytes between double quotes; bytes outside 0x21..0x7e, '"' and '%'
 * are written %XX (upper-case hex). So "a", "node-name", "" and "caf%C3%A9" are tokens. Keys are
 * NUL-terminated in GLib, so %00 is refused.
 *
 * Exit status: 0, or 2 on malformed input (with a message on stderr).
 */
#include <glib.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static GHashTable *table;
static GPtrArray *owned; /* the table does not copy its keys: keep them alive until "new" */

static void
fail (const char *line, const char *why)
{
  fprintf (stderr, "ghash-oracle: %s: %s\n", why, line);
  exit (2);
}

static int
hex_digit (char c)
{
  if (c >= '0' && c <= '9')
    return c - '0';
  if (c >= 'A' && c <= 'F')
    return c - 'A' + 10;
  if (c >= 'a' && c <= 'f')
    return c - 'a' + 10;
  return -1;
}

/* Decodes the token starting at TOKEN (which must run to the end of LINE). */
static char *
parse_key (const char *line, const char *token)
{
  size_t len = strlen (token);
  GString *key;
  size_t i;

  if (len < 2 || token[0] != '"' || token[len - 1] != '"')
    fail (line, "expected a quoted key");
  key = g_string_new (NULL);
  for (i = 1; i < len - 1; i++)
    {
      if (token[i] == '%')
        {
          int hi, lo;
          if (i + 2 >= len - 1 || (hi = hex_digit (token[i + 1])) < 0
              || (lo = hex_digit (token[i + 2])) < 0)
            fail (line, "bad %XX escape");
          if (hi == 0 && lo == 0)
            fail (line, "a key cannot hold a NUL byte");
          g_string_append_c (key, (char) (hi << 4 | lo));
          i += 2;
        }
      else if (token[i] == '"' || (unsigned char) token[i] <= 0x20 || (unsigned char) token[i] >= 0x7f)
        fail (line, "unescaped byte in key");
      else
        g_string_append_c (key, token[i]);
    }
  return g_string_free (key, FALSE);
}

static void
print_key (const char *key)
{
  const unsigned char *p;

  putchar ('"');
  for (p = (const unsigned char *) key; *p; p++)
    {
      if (*p <= 0x20 || *p >= 0x7f || *p == '"' || *p == '%')
        printf ("%%%02X", *p);
      else
        putchar (*p);
    }
  putchar ('"');
}

static void
reset (void)
{
  if (table)
    g_hash_table_unref (table);
  if (owned)
    g_ptr_array_unref (owned);
  table = g_hash_table_new (g_str_hash, g_str_equal);
  owned = g_ptr_array_new_with_free_func (g_free);
}

int
main (void)
{
  char *line = NULL;
  size_t cap = 0;
  ssize_t n;

  printf ("glib %u.%u.%u\n", glib_major_version, glib_minor_version, glib_micro_version);
  reset ();
  while ((n = getline (&line, &cap, stdin)) >= 0)
    {
      if (n > 0 && line[n - 1] == '\n')
        line[--n] = '\0';

      if (n == 0 || line[0] == '#')
        puts (line);
      else if (strcmp (line, "new") == 0)
        {
          reset ();
          puts (line);
        }
      else if (strncmp (line, "ins ", 4) == 0)
        {
          char *key = parse_key (line, line + 4);
          gboolean added = g_hash_table_insert (table, key, NULL);
          if (added)
            g_ptr_array_add (owned, key);
          else
            g_free (key); /* the table kept its own copy of the key */
          printf ("%s %d\n", line, added ? 1 : 0);
        }
      else if (strncmp (line, "rem ", 4) == 0)
        {
          char *key = parse_key (line, line + 4);
          gboolean removed = g_hash_table_remove (table, key);
          g_free (key);
          printf ("%s %d\n", line, removed ? 1 : 0);
        }
      else if (strcmp (line, "first") == 0 || strcmp (line, "order") == 0)
        {
          gboolean all = line[0] == 'o';
          GHashTableIter iter;
          gpointer key;

          fputs (line, stdout);
          g_hash_table_iter_init (&iter, table);
          while (g_hash_table_iter_next (&iter, &key, NULL))
            {
              putchar (' ');
              print_key (key);
              if (!all)
                break;
            }
          putchar ('\n');
        }
      else
        fail (line, "unknown operation");
    }
  free (line);
  g_hash_table_unref (table);
  g_ptr_array_unref (owned);
  return 0;
}
