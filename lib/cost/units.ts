// Calendar assumptions shared by every monthly figure in the cost model.

/** Cloud list prices quote instance-hours; 730 h is the providers' own monthly convention (8760 / 12). */
export const HOURS_PER_MONTH = 730;

/** Replication volumes are given per day; a month is counted as 30 days (the article's 1 TB/day ≈ $600/month uses 30). */
export const DAYS_PER_MONTH = 30;
