import { HttpClient } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import {
  CalibrationUnitListSchema,
  CycleSchema,
  UnitCalibrationSchema,
  type CalibrationChange,
  type CalibrationUnitList,
  type Cycle,
  type UnitCalibration,
} from '@cadre/shared-models';
import { map, type Observable } from 'rxjs';

function cycleUrl(cycleId: string): string {
  return `/api/cycles/${encodeURIComponent(cycleId)}`;
}

/** Calibrating a closed cycle: each unit's ranked list against its 优秀 quota, grade changes with reasons, and the lock. */
@Injectable({ providedIn: 'root' })
export class CalibrationApi {
  private readonly http = inject(HttpClient);

  /** The cycle itself: its name, status and the revision a lock must send back. */
  cycle(cycleId: string): Observable<Cycle> {
    return this.http.get<unknown>(cycleUrl(cycleId)).pipe(map((body) => CycleSchema.parse(body)));
  }

  units(cycleId: string): Observable<CalibrationUnitList> {
    return this.http.get<unknown>(`${cycleUrl(cycleId)}/calibration-units`).pipe(map((body) => CalibrationUnitListSchema.parse(body)));
  }

  unit(cycleId: string, unitId: string): Observable<UnitCalibration> {
    return this.http
      .get<unknown>(`${cycleUrl(cycleId)}/calibration/${encodeURIComponent(unitId)}`)
      .pipe(map((body) => UnitCalibrationSchema.parse(body)));
  }

  /** Fails with 409 when the unit changed meanwhile (stale revision) or the quota would be exceeded. */
  change(cycleId: string, unitId: string, change: CalibrationChange): Observable<UnitCalibration> {
    return this.http
      .post<unknown>(`${cycleUrl(cycleId)}/calibration/${encodeURIComponent(unitId)}`, change)
      .pipe(map((body) => UnitCalibrationSchema.parse(body)));
  }

  /** Makes every final grade final: histories are written and adjustment proposals raised. */
  lock(cycleId: string, revision: number): Observable<Cycle> {
    return this.http.post<unknown>(`${cycleUrl(cycleId)}/lock`, { revision }).pipe(map((body) => CycleSchema.parse(body)));
  }
}
