#ifndef QINGSHAN_SYSTEM_H
#define QINGSHAN_SYSTEM_H

/// Swaps two paths in one atomic step (Linux renameat2 with RENAME_EXCHANGE): at no moment
/// does either name stand empty. Returns 0, or -1 with errno set (ENOSYS or EINVAL where the
/// kernel or the file system cannot exchange).
int qs_exchange_paths(const char *a, const char *b);

#endif
