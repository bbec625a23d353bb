import type { Template } from '../template.ts';
import { calculatorTemplate } from './calculator-template.ts';
import { habitTrackerTemplate } from './habit-tracker-template.ts';
import { loanReportTemplate } from './loan-report-template.ts';
import { multiplicationTableTemplate } from './multiplication-table-template.ts';
import { notesApiTemplate } from './notes-api-template.ts';
import { notesTemplate } from './notes-template.ts';
import { pollApiTemplate } from './poll-api-template.ts';
import { pomodoroTemplate } from './pomodoro-template.ts';
import { primeReportTemplate } from './prime-report-template.ts';
import { quizTemplate } from './quiz-template.ts';
import { tipCalculatorTemplate } from './tip-calculator-template.ts';
import { todoTemplate } from './todo-template.ts';

/** Every offline template. The first of each app type wins ties and is its fallback. */
export const TEMPLATES: readonly Template[] = Object.freeze([
  todoTemplate,
  notesTemplate,
  pomodoroTemplate,
  calculatorTemplate,
  quizTemplate,
  habitTrackerTemplate,
  tipCalculatorTemplate,
  notesApiTemplate,
  pollApiTemplate,
  primeReportTemplate,
  loanReportTemplate,
  multiplicationTableTemplate,
]);
