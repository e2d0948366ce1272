// /ask question — the answering sentence from the articles, with numbered citations.
import { SlashCommandBuilder } from 'discord.js';
import type { Command } from '../src/discord/command.js';
import { QUESTION_MAX, textOption } from '../src/discord/options.js';
import { renderAnswer } from '../src/discord/render.js';
import { defer, send, takeQuestion } from '../src/discord/respond.js';

export default {
  data: new SlashCommandBuilder()
    .setName('ask')
    .setDescription('Ask about the story; the answer is quoted from the articles, with sources')
    .addStringOption((o) =>
      o.setName('question').setDescription('Your question, e.g. who attacked whom?').setRequired(true).setMaxLength(QUESTION_MAX),
    ),
  async execute(interaction, ctx) {
    const question = textOption(interaction, 'question', { required: true, max: QUESTION_MAX });
    if (!(await takeQuestion(interaction, ctx))) return;
    await defer(interaction);
    await send(interaction, renderAnswer(question, ctx.engine.ask(question)));
  },
} satisfies Command;
