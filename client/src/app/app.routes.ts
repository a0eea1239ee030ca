import type { Routes } from '@angular/router';
import {
  homeOrLanding,
  permitted,
  redirectSignedIn,
  requireRole,
  requireSignedIn,
  requireStage,
  requireStageActive,
} from './core/auth/auth-guards';
import { confirmLeavingUnsaved } from './cadres/unsaved-changes-guard';

export const routes: Routes = [
  { path: 'login', canActivate: [redirectSignedIn], loadComponent: () => import('./login/login').then((m) => m.Login) },
  // The two login steps that need a session but come before it is active.
  {
    path: 'account/password',
    canActivate: [requireSignedIn, requireStage('active', 'password_change_required')],
    loadComponent: () => import('./account/change-password').then((m) => m.ChangePassword),
  },
  {
    path: 'account/totp',
    canActivate: [requireSignedIn, requireStage('active', 'totp_enrollment_required')],
    loadComponent: () => import('./account/totp-enrollment').then((m) => m.TotpEnrollment),
  },
  {
    path: '',
    canActivateChild: [requireSignedIn, requireStageActive],
    children: [
      {
        path: '',
        pathMatch: 'full',
        canActivate: [homeOrLanding],
        loadComponent: () => import('./home/home').then((m) => m.Home),
      },
      { path: 'account', loadComponent: () => import('./account/account').then((m) => m.Account) },
      {
        path: 'admin/users',
        ...permitted('user:read'),
        loadComponent: () => import('./admin/users/users').then((m) => m.Users),
      },
      {
        path: 'admin/units',
        ...permitted('unit:read'),
        loadComponent: () => import('./admin/units/units').then((m) => m.Units),
      },
      {
        path: 'audit',
        ...permitted('audit:read'),
        loadComponent: () => import('./audit/audit').then((m) => m.Audit),
      },
      { path: 'imports', ...permitted('cadre:import'), loadComponent: () => import('./imports/imports').then((m) => m.Imports) },
      { path: 'ledger', ...permitted('ledger:read'), loadComponent: () => import('./ledger/ledger').then((m) => m.Ledger) },
      {
        path: 'cadres/new',
        ...permitted('cadre:write'),
        canDeactivate: [confirmLeavingUnsaved],
        loadComponent: () => import('./cadres/cadre-editor').then((m) => m.CadreEditor),
      },
      { path: 'cadres/:id', ...permitted('cadre:read'), loadComponent: () => import('./cadres/portrait').then((m) => m.Portrait) },
      { path: 'cadres/:id/form', ...permitted('cadre:read'), loadComponent: () => import('./cadres/appointment-form').then((m) => m.AppointmentForm) },
      {
        path: 'cadres/:id/edit',
        ...permitted('cadre:write'),
        canDeactivate: [confirmLeavingUnsaved],
        loadComponent: () => import('./cadres/cadre-editor').then((m) => m.CadreEditor),
      },
      { path: 'corrections', ...permitted('correction:review'), loadComponent: () => import('./corrections/corrections').then((m) => m.Corrections) },
      {
        path: 'cycles/:id/calibration',
        ...permitted('calibration:write'),
        loadComponent: () => import('./calibration/calibration').then((m) => m.Calibration),
      },
      {
        path: 'cycles/:id/calibration/:unitId',
        ...permitted('calibration:write'),
        loadComponent: () => import('./calibration/unit-calibration').then((m) => m.UnitCalibrationPage),
      },
      {
        path: 'cycles/:id/results/:cadreId',
        ...permitted('result:read'),
        loadComponent: () => import('./results/cadre-result').then((m) => m.CadreResultReport),
      },
      {
        path: 'cycles/:id/distribution',
        ...permitted('result:read'),
        loadComponent: () => import('./results/cycle-distribution').then((m) => m.CycleDistributionPage),
      },
      { path: 'proposals', ...permitted('proposal:read'), loadComponent: () => import('./proposals/proposals').then((m) => m.Proposals) },
      {
        path: 'proposals/rules',
        ...permitted('proposal:decide'),
        loadComponent: () => import('./proposals/adjustment-rules').then((m) => m.AdjustmentRulesEditor),
      },
      { path: 'frameworks', ...permitted('framework:read'), loadComponent: () => import('./frameworks/framework-list').then((m) => m.FrameworkList) },
      { path: 'frameworks/:id', ...permitted('framework:read'), loadComponent: () => import('./frameworks/framework-page').then((m) => m.FrameworkPage) },
      { path: 'cycles', ...permitted('cycle:read'), loadComponent: () => import('./cycles/cycle-list').then((m) => m.CycleList) },
      { path: 'cycles/new', ...permitted('cycle:manage'), loadComponent: () => import('./cycles/cycle-editor').then((m) => m.CycleEditor) },
      { path: 'cycles/:id', ...permitted('cycle:read'), loadComponent: () => import('./cycles/cycle-detail').then((m) => m.CycleDetail) },
      { path: 'cycles/:id/edit', ...permitted('cycle:manage'), loadComponent: () => import('./cycles/cycle-editor').then((m) => m.CycleEditor) },
      { path: 'cycles/:id/assignments', ...permitted('cycle:read'), loadComponent: () => import('./cycles/cycle-assignments').then((m) => m.CycleAssignments) },
      { path: 'my-ratings', ...permitted('rating:submit'), loadComponent: () => import('./ratings/my-ratings').then((m) => m.MyRatings) },
      {
        path: 'my-ratings/:cycleId/:rateeId/:group',
        ...permitted('rating:submit'),
        loadComponent: () => import('./ratings/rating-form').then((m) => m.RatingFormPage),
      },
      { path: 'no-access', loadComponent: () => import('./no-access/no-access').then((m) => m.NoAccess) },
      {
        path: 'assessment',
        ...permitted('cycle:manage'),
        loadComponent: () => import('./workspaces/assessment-work').then((m) => m.AssessmentWork),
      },
      { path: 'review', canActivate: [requireRole('reviewer')], loadComponent: () => import('./workspaces/review-cases').then((m) => m.ReviewCases) },
      // Within the signed-in shell, so the page keeps the navigation; a visitor signs in first.
      { path: '**', loadComponent: () => import('./not-found/not-found').then((m) => m.NotFound) },
    ],
  },
];
