#ifndef IWOTCH_CWIDTH_SHIM_H
#define IWOTCH_CWIDTH_SHIM_H
// glibc declares wcwidth only under _XOPEN_SOURCE; Swift's Glibc module is built without it.
#ifndef _XOPEN_SOURCE
#define _XOPEN_SOURCE 700
#endif
#include <locale.h>
#include <wchar.h>
static inline int iw_wcwidth(unsigned int c) { return wcwidth((wchar_t)c); }
#endif
