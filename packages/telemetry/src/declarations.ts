// Each module's declaration (types/*.d.mts, what other packages see) must describe the module: assigning the
// implementation to its declared type fails to compile when they drift apart.
import type * as ContextTypes from "../types/context.mjs";
import type * as DescribeErrorTypes from "../types/describe-error.mjs";
import type * as EventsTypes from "../types/events.mjs";
import type * as HttpTypes from "../types/http.mjs";
import type * as LogTypes from "../types/log.mjs";
import type * as MetricsTypes from "../types/metrics.mjs";
import type * as ProceduresTypes from "../types/procedures.mjs";
import type * as RequestIdTypes from "../types/request-id.mjs";
import type * as ScrapeTypes from "../types/scrape.mjs";
import type * as TestingTypes from "../types/testing.mjs";
import * as context from "./context.mjs";
import * as describeError from "./describe-error.mjs";
import * as events from "./events.mjs";
import * as http from "./http.mjs";
import * as log from "./log.mjs";
import * as metrics from "./metrics.mjs";
import * as procedures from "./procedures.mjs";
import * as requestId from "./request-id.mjs";
import * as scrape from "./scrape.mjs";
import * as testing from "./testing.mjs";

export const declarations: [
  typeof ContextTypes,
  typeof DescribeErrorTypes,
  typeof EventsTypes,
  typeof HttpTypes,
  typeof LogTypes,
  typeof MetricsTypes,
  typeof ProceduresTypes,
  typeof RequestIdTypes,
  typeof ScrapeTypes,
  typeof TestingTypes,
] = [context, describeError, events, http, log, metrics, procedures, requestId, scrape, testing];
