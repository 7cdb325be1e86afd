import type { Model } from "mongoose";
import { AccountTokenModel } from "./account-token.server";
import { ApiToken } from "./api-token.server";
import { ApiRateSlot } from "./api-rate-window.server";
import { JobRun } from "./job-run.server";
import { Agreement } from "./agreement.server";
import { AssessmentRow, ReadModelToken, RowChange, RowSnapshot } from "./assessment-row.server";
import { Attempt } from "./attempt.server";
import { Assessment } from "./assessment.server";
import { AuditEvent } from "./audit-event.server";
import { Certification } from "./certification.server";
import { EvidenceFile } from "./evidence-file.server";
import { Claim } from "./claim.server";
import { Invitation } from "./invitation.server";
import { Organization } from "./organization.server";
import { Outbox } from "./outbox.server";
import { QuestionnaireVersion } from "./questionnaire-version.server";
import { ReportRecord } from "./report.server";
import { ScoreRecord } from "./score-record.server";
import { Incident } from "./incident.server";
import { DestructionRequest, Milestone } from "./lifecycle.server";
import { CompelledDisclosure } from "./compelled-disclosure.server";
import { AuditFinding, SupplierAudit } from "./supplier-audit.server";
import { Session } from "./session.server";
import { SsoConnection, SsoDomain, SsoLogin } from "./sso-connection.server";
import { SubcontractorProposalModel } from "./subcontractor-proposal.server";
import { SupplierImport } from "./supplier-import.server";
import { ProfileAnswer, ProfileChange } from "./supplier-profile.server";
import { ProfileGrant } from "./profile-grant.server";
import { User } from "./user.server";
import { WorkbookImport } from "./workbook-import.server";
import { WebhookAttempt, WebhookDelivery, WebhookEndpoint, WebhookEvent } from "./webhook.server";

/** Every model, so start-up can build their indexes before serving. */
export const allModels: Model<any>[] = [
  Organization,
  User,
  Session,
  AuditEvent,
  Agreement,
  Certification,
  Assessment,
  AssessmentRow,
  ReadModelToken,
  RowChange,
  RowSnapshot,
  Invitation,
  QuestionnaireVersion,
  Claim,
  Outbox,
  JobRun,
  ReportRecord,
  ScoreRecord,
  Incident,
  Milestone,
  DestructionRequest,
  CompelledDisclosure,
  SupplierAudit,
  AuditFinding,
  Attempt,
  SubcontractorProposalModel,
  AccountTokenModel,
  SupplierImport,
  EvidenceFile,
  ApiToken,
  ApiRateSlot,
  WebhookEndpoint,
  WebhookEvent,
  WebhookDelivery,
  WebhookAttempt,
  SsoConnection,
  WorkbookImport,
  SsoDomain,
  SsoLogin,
  ProfileAnswer,
  ProfileChange,
  ProfileGrant,
];
