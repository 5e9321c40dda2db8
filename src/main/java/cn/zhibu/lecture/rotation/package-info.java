/**
 * Rotation planners (轮值) as pure functions: who gives the micro lectures (微型党课) of each themed party day, and
 * which department or party group hosts it (科室轮值). No CDI, no database, no clock: the same inputs always give
 * the same plan, and every assignment says why it was made.
 */
package cn.zhibu.lecture.rotation;
