/* tracuu version. */
#ifndef TRACUU_VERSION_H
#define TRACUU_VERSION_H

#define TRACUU_VERSION "0.1.0"
#define TRACUU_VERSION_MAJOR 0
#define TRACUU_VERSION_MINOR 1

#endif /* TRACUU_VERSION_H */
