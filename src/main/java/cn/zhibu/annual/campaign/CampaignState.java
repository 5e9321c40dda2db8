package cn.zhibu.annual.campaign;

/** Where a campaign stands: running by its timetable, closed with its results published, or cancelled. */
public enum CampaignState {
    OPEN, CLOSED, CANCELLED
}
