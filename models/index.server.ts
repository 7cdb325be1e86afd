import type { Model } from "mongoose";
import { Agreement } from "./agreement.server";
import { Assessment } from "./assessment.server";
import { AuditEvent } from "./audit-event.server";
import { Certification } from "./certification.server";
import { Organization } from "./organization.server";
import { Session } from "./session.server";
import { User } from "./user.server";

/** Every model, so start-up can build their indexes before serving. */
export const allModels: Model<any>[] = [Organization, User, Session, AuditEvent, Agreement, Certification, Assessment];
