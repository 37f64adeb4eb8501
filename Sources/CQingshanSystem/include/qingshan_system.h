#ifndef QINGSHAN_SYSTEM_H
#define QINGSHAN_SYSTEM_H

/// Swaps two paths in one atomic step (Linux renameat2 with RENAME_EXCHANGE): at no moment
/// does either name stand empty. Returns 0, or -1 with errno set (ENOSYS or EINVAL where the
/// kernel or the file system cannot exchange).
int qs_exchange_paths(const char *a, const char *b);

/// Gives the pages of freed heap memory back to the system (glibc's malloc_trim): between the
/// steps of a build, what one step let go of stops counting in the resident set.
void qs_release_free_memory(void);

#endif
