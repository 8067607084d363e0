#ifndef ARROWNET_CNCURSES_SHIM_H
#define ARROWNET_CNCURSES_SHIM_H
// Wide-character ncurses (ncursesw): get_wch, add_wch and friends need these before the header.
#ifndef _XOPEN_SOURCE_EXTENDED
#define _XOPEN_SOURCE_EXTENDED 1
#endif
#define NCURSES_WIDECHAR 1
#include <locale.h>
#include <ncursesw/curses.h>

// Macros Swift cannot import, as functions.
static inline int arrownet_color_pair(int pair) { return COLOR_PAIR(pair); }
static inline int arrownet_key_resize(void) { return KEY_RESIZE; }
static inline int arrownet_key_code_yes(void) { return KEY_CODE_YES; }
static inline int arrownet_key_f(int n) { return KEY_F(n); }
static inline int arrownet_getmaxy(WINDOW *w) { return getmaxy(w); }
static inline int arrownet_getmaxx(WINDOW *w) { return getmaxx(w); }
static inline WINDOW *arrownet_stdscr(void) { return stdscr; }
static inline attr_t arrownet_a_bold(void) { return A_BOLD; }
static inline attr_t arrownet_a_reverse(void) { return A_REVERSE; }
static inline attr_t arrownet_a_dim(void) { return A_DIM; }
static inline attr_t arrownet_a_underline(void) { return A_UNDERLINE; }
static inline attr_t arrownet_a_normal(void) { return A_NORMAL; }
#endif
