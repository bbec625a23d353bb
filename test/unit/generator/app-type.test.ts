import { describe, expect, it } from 'vitest';
import { inferAppType } from '../../../src/generator/app-type.ts';

describe('inferAppType', () => {
  it.each([
    ['a REST API for notes', 'api'],
    ['a backend with JSON endpoints for my bookmarks', 'api'],
    ['a webhook receiver', 'api'],
    ['a poll where my team votes on lunch', 'api'],
    ['une API REST pour gérer des contacts', 'api'],
    ['un sondage pour choisir le restaurant', 'api'],
    ['un serveur avec une base de données', 'api'],
    ['a script that prints prime number statistics', 'script'],
    ['compute a loan amortization report', 'script'],
    ['generate a table of squares', 'script'],
    ['un script qui calcule les nombres premiers', 'script'],
    ["génère une table de multiplication", 'script'],
    ["un rapport d'amortissement de prêt", 'script'],
    ['a pomodoro timer with a task list', 'webapp'],
    ['a todo list', 'webapp'],
    ['an app to calculate tips', 'webapp'],
    ['une calculatrice', 'webapp'],
    ['un jeu de quiz', 'webapp'],
    ['', 'webapp'],
  ])('%j → %s', (prompt, appType) => {
    expect(inferAppType(prompt)).toBe(appType);
  });

  it('matches whole words only', () => {
    // "rapid" contains "api", "descriptive" contains "script": neither is a hint.
    expect(inferAppType('a rapid descriptive flashcard deck')).toBe('webapp');
  });
});
