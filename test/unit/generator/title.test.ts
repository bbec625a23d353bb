import { describe, expect, it } from 'vitest';
import { titleFromPrompt } from '../../../src/generator/title.ts';

describe('titleFromPrompt', () => {
  it.each([
    ['Make me a pomodoro timer with a task list', 'Pomodoro timer with a task list'],
    ['build an expense tracker', 'Expense tracker'],
    ['Create the simple habit tracker.', 'Habit tracker'],
    ['I want to build a REST API for notes please!', 'REST API for notes'],
    ['Can you make me a quiz about space?', 'Quiz about space'],
    ['fais-moi une liste de courses', 'Liste de courses'],
    ["Crée-moi l'application de quiz", 'Application de quiz'],
    ['je veux un minuteur pomodoro', 'Minuteur pomodoro'],
    ["j'aimerais une calculatrice s'il te plaît", 'Calculatrice'],
    ['To-do list', 'To-do list'],
    ['  a   weather\n  dashboard  ', 'Weather'],
  ])('%j → %j', (prompt, title) => {
    expect(titleFromPrompt(prompt)).toBe(title);
  });

  it('never returns an empty title', () => {
    for (const prompt of ['', '   ', 'a', 'make me', 'please!', 'fais-moi une']) expect(titleFromPrompt(prompt)).toBe('Your app');
  });

  it('keeps long titles within 60 characters, cut between words', () => {
    const title = titleFromPrompt(
      'Build an extremely long and detailed application that helps people organise their weekly grocery shopping',
    );
    expect(Array.from(title).length).toBeLessThanOrEqual(60);
    expect(title).toBe('Extremely long and detailed application that helps people…');
  });

  it('does not cut a single long word into nothing', () => {
    const title = titleFromPrompt('x'.repeat(200));
    expect(Array.from(title).length).toBe(60);
    expect(title.endsWith('…')).toBe(true);
  });

  it('keeps accents and inner casing', () => {
    expect(titleFromPrompt('un sondage pour le repas de Noël')).toBe('Sondage pour le repas de Noël');
  });
});
