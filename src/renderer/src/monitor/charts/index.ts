/** The lead's charts, for the monitor and the wall screen alike. */
export { IntakeByHourChart } from './IntakeByHourChart';
export { ServiceLevelChart } from './ServiceLevelChart';
export { intakePoints, levelPoints, type IntakePoint, type LevelPoint } from './chart-data';
export { formatSeconds, formatShare } from './call-format';
