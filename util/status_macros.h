// util/status_macros.h
//
// MSKG_RETURN_IF_ERROR and MSKG_ASSIGN_OR_RETURN: Debian's Abseil 20220623
// lacks status macros, so mskg carries these two.
#ifndef MSKG_UTIL_STATUS_MACROS_H_
#define MSKG_UTIL_STATUS_MACROS_H_

#include <utility>

#include "absl/status/status.h"
#include "absl/status/statusor.h"

// Returns from the enclosing function if `expr` (an absl::Status) is not OK.
#define MSKG_RETURN_IF_ERROR(expr)                   \
  do {                                               \
    ::absl::Status mskg_status_ = (expr);            \
    if (!mskg_status_.ok()) return mskg_status_;     \
  } while (false)

#define MSKG_STATUS_MACROS_CONCAT_INNER_(a, b) a##b
#define MSKG_STATUS_MACROS_CONCAT_(a, b) MSKG_STATUS_MACROS_CONCAT_INNER_(a, b)

// Evaluates `rexpr` (an absl::StatusOr<T>); on error returns its status,
// otherwise moves the value into `lhs` (a declaration or an lvalue).
#define MSKG_ASSIGN_OR_RETURN(lhs, rexpr)                                    \
  MSKG_ASSIGN_OR_RETURN_IMPL_(                                               \
      MSKG_STATUS_MACROS_CONCAT_(mskg_statusor_, __LINE__), lhs, rexpr)

#define MSKG_ASSIGN_OR_RETURN_IMPL_(statusor, lhs, rexpr) \
  auto statusor = (rexpr);                                \
  if (!statusor.ok()) return std::move(statusor).status(); \
  lhs = std::move(statusor).value()

#endif  // MSKG_UTIL_STATUS_MACROS_H_
