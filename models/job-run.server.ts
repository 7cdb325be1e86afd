import mongoose, { Schema, type Model } from "mongoose";

/** One attempt at one period of a scheduled job (see app/lib/scheduler.server.ts). */
export const JOB_RUN_STATUSES = ["running", "done", "failed"] as const;

export interface JobRunData {
  jobKey: string;
  periodKey: string;
  status: (typeof JOB_RUN_STATUSES)[number];
  /** which process holds the claim: host, pid and a random id per attempt */
  owner: string;
  attempts: number;
  startedAt: Date;
  finishedAt: Date | null;
  error: string | null;
}

const jobRunSchema = new Schema<JobRunData>(
  {
    jobKey: { type: String, required: true },
    periodKey: { type: String, required: true },
    status: { type: String, enum: JOB_RUN_STATUSES, required: true },
    owner: { type: String, required: true },
    attempts: { type: Number, default: 1 },
    startedAt: { type: Date, required: true },
    finishedAt: { type: Date, default: null },
    error: { type: String, default: null },
  },
  { collection: "job_runs", versionKey: false },
);
// one document per attempt: the unique index decides who makes attempt n, first or retry alike
jobRunSchema.index({ jobKey: 1, periodKey: 1, attempts: 1 }, { unique: true });

export const JobRun: Model<JobRunData> =
  (mongoose.models.JobRun as Model<JobRunData>) ?? mongoose.model<JobRunData>("JobRun", jobRunSchema);
