#ifndef IWOTCH_CNCURSESW_SHIM_H
#define IWOTCH_CNCURSESW_SHIM_H
// Without these two, Swift imports none of the wide-character API (get_wch, cchar_t, setcchar)
// and glibc's wcwidth is not declared.
#ifndef _XOPEN_SOURCE
#define _XOPEN_SOURCE 700
#endif
#define NCURSES_WIDECHAR 1
#include <locale.h>
#include <wchar.h>
#include <ncursesw/curses.h>
#include <ncursesw/term.h>

// Macros and globals Swift cannot import (or, in Swift 6 mode, cannot touch): small accessors.
static inline WINDOW *iw_stdscr(void) { return stdscr; }
static inline int iw_lines(void) { return LINES; }
static inline int iw_cols(void) { return COLS; }
static inline int iw_colors(void) { return COLORS; }
static inline void iw_release_terminfo(void) { del_curterm(cur_term); }
static inline attr_t iw_a_bold(void) { return A_BOLD; }
static inline attr_t iw_a_reverse(void) { return A_REVERSE; }
static inline attr_t iw_a_underline(void) { return A_UNDERLINE; }
static inline attr_t iw_a_dim(void) { return A_DIM; }
// The FILE streams newterm writes to and reads from (glibc's stdout/stdin are globals Swift 6 rejects).
static inline FILE *iw_stdout(void) { return stdout; }
static inline FILE *iw_stdin(void) { return stdin; }
// KEY_F(n) is a function-like macro.
static inline int iw_key_f(int n) { return KEY_F(n); }
#endif
