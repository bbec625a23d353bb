import { describe, expect, it } from 'vitest';
import { DEFAULT_TEMPLATE_IDS, pickTemplate } from '../../../src/generator/offline/template-picker.ts';
import { TEMPLATES } from '../../../src/generator/offline/templates/index.ts';
import type { AppType } from '../../../src/api-types.ts';

describe('pickTemplate', () => {
  it.each<[string, AppType, string]>([
    ['a todo list for my chores', 'webapp', 'todo-list'],
    ['une liste de tâches', 'webapp', 'todo-list'],
    ['a shopping list', 'webapp', 'todo-list'],
    ['a notebook to jot down notes', 'webapp', 'notes'],
    ['un bloc-notes', 'webapp', 'notes'],
    ['a pomodoro timer with a task list', 'webapp', 'pomodoro'],
    ['un minuteur pomodoro avec une liste de tâches', 'webapp', 'pomodoro'],
    ['a calculator', 'webapp', 'calculator'],
    ['une calculatrice', 'webapp', 'calculator'],
    ['a trivia quiz', 'webapp', 'quiz'],
    ['un quiz de culture générale', 'webapp', 'quiz'],
    ['track my daily habits and streaks', 'webapp', 'habit-tracker'],
    ['suivi de mes habitudes', 'webapp', 'habit-tracker'],
    ['split the restaurant bill with a tip', 'webapp', 'tip-calculator'],
    ['calculer le pourboire', 'webapp', 'tip-calculator'],
    ['a REST API for notes', 'api', 'notes-api'],
    ['une API pour stocker des mémos', 'api', 'notes-api'],
    ['a poll for voting on lunch', 'api', 'poll-api'],
    ['un sondage pour le repas', 'api', 'poll-api'],
    ['print prime number statistics', 'script', 'prime-report'],
    ['un crible des nombres premiers', 'script', 'prime-report'],
    ['mortgage amortization schedule', 'script', 'loan-report'],
    ["tableau d'amortissement d'un prêt immobilier", 'script', 'loan-report'],
    ['a 12 times table', 'script', 'multiplication-table'],
    ['table de multiplication', 'script', 'multiplication-table'],
  ])('%j (%s) → %s', (prompt, appType, id) => {
    expect(pickTemplate(prompt, appType).id).toBe(id);
  });

  it.each<AppType>(['webapp', 'api', 'script'])('falls back to the default %s template', (appType) => {
    const template = pickTemplate('zzz qwerty', appType);
    expect(template.id).toBe(DEFAULT_TEMPLATE_IDS[appType]);
    expect(template.appType).toBe(appType);
  });

  it('only picks templates of the requested app type', () => {
    expect(pickTemplate('a REST API for notes', 'webapp').id).toBe('notes');
    expect(pickTemplate('a notes app', 'api').id).toBe('notes-api');
  });

  it('has unique ids and enough templates of each type', () => {
    expect(new Set(TEMPLATES.map((t) => t.id)).size).toBe(TEMPLATES.length);
    const count = (type: AppType) => TEMPLATES.filter((t) => t.appType === type).length;
    expect(count('webapp')).toBeGreaterThanOrEqual(5);
    expect(count('api')).toBeGreaterThanOrEqual(2);
    expect(count('script')).toBeGreaterThanOrEqual(1);
  });
});
