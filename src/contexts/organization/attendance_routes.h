#pragma once

#include "platform/auth/secured_router.h"

namespace sinergi::organization {

class AttendanceService;

// Registers the attendance reading endpoints of docs/api/organization.md, each with its
// Action (the SecuredRouter authenticates and checks the permission table; the service
// checks the person's or agency's scope):
//   GET /api/v1/people/{person_id}/attendance   getPersonAttendance  attendance.read
//   GET /api/v1/discipline                      listDiscipline       attendance.read
//   GET /api/v1/attendance/rates                listAbsenceRates     attendance.rates.read
// year defaults to the current year in the region's time zone; the two lists also answer
// format=csv|xlsx as a download. Their OpenAPI description is
// src/contexts/organization/openapi_attendance.json.
// REQUIRES: `service` outlives the router.
void register_attendance_routes(auth::SecuredRouter& router, AttendanceService& service);

}  // namespace sinergi::organization
