/**
 * The updated Consolidated Framework for Implementation Research (CFIR 2.0) as a codebook frame: its
 * five domains with every construct and sub-construct, each defined in plain English. The names are
 * the paper's; the definitions are LHS's paraphrases of the paper's, kept close in meaning.
 * @see https://doi.org/10.1186/s13012-022-01245-0
 * @see docs/methods/codebooks.md
 */
import type { CodebookFrame, ThemeSeed } from '../insight/model.ts'

const theme = (name: string, definition: string, children?: readonly ThemeSeed[]): ThemeSeed =>
  children === undefined ? { name, definition } : { name, definition, children }

const INNOVATION = theme('Innovation', 'The "thing" being implemented: a new treatment, service, programme, process or tool.', [
  theme('Innovation Source', 'The group that developed the innovation, or visibly backs its use, is seen as reputable, credible and trustworthy.'),
  theme('Innovation Evidence-Base', 'There is strong evidence that the innovation works.'),
  theme('Innovation Relative Advantage', 'The innovation is better than the alternatives on offer or than what is done now.'),
  theme('Innovation Adaptability', 'The innovation can be changed, tailored or refined to fit local needs and circumstances.'),
  theme('Innovation Trialability', 'The innovation can be tried out or piloted on a small scale, and stopped or undone if need be.'),
  theme('Innovation Complexity', 'The innovation is complicated: wide in scope, or with many steps and connections to get right.'),
  theme('Innovation Design', 'The innovation is well designed and packaged: how it is put together, bundled and presented.'),
  theme('Innovation Cost', 'What the innovation costs to buy and to run is affordable.'),
])

const OUTER_SETTING = theme('Outer Setting', 'The setting the Inner Setting sits within, such as a health system, region or country; there may be several, at several levels.', [
  theme('Critical Incidents', 'Large or unexpected events (a pandemic, a disaster, a sudden change) disrupt implementing or delivering the innovation.'),
  theme('Local Attitudes', 'Values and beliefs held in the wider community, such as a shared sense of responsibility for the people served, encourage support for the innovation.'),
  theme('Local Conditions', 'Economic, environmental, political or technological conditions make it possible for the Outer Setting to support the innovation.'),
  theme('Partnerships & Connections', 'The Inner Setting is linked with outside organisations: referral networks, academic partners, professional networks.'),
  theme('Policies & Laws', 'Laws, regulations, professional guidelines and recommendations, or accreditation standards support implementing and delivering the innovation.'),
  theme('Financing', 'Money from outside the organisation, such as grants or reimbursement, is available to implement and deliver the innovation.'),
  theme('External Pressure', 'Pressure from outside drives implementing and delivering the innovation.', [
    theme('Societal Pressure', 'Media campaigns, advocacy groups, social movements or protests push for the innovation.'),
    theme('Market Pressure', 'Competing with, or keeping up with, similar organisations drives the innovation.'),
    theme('Performance-Measurement Pressure', 'Quality measures, benchmarks or set service targets drive the innovation.'),
  ]),
])

const INNER_SETTING = theme('Inner Setting', 'The setting in which the innovation is implemented, such as a practice, hospital or service; there may be several, at several levels (a team, a ward).', [
  theme('Structural Characteristics', 'The organisation\'s infrastructure supports it to function well.', [
    theme('Physical Infrastructure', 'The layout and arrangement of space and other physical features support the work.'),
    theme('Information Technology Infrastructure', 'Systems for communication, electronic records, and storing, managing, reporting and analysing data support the work.'),
    theme('Work Infrastructure', 'How tasks and responsibilities are organised within and between people and teams, and overall staffing levels, support the work.'),
  ]),
  theme('Relational Connections', 'There are good formal and informal relationships, networks and teams within the setting and across its internal boundaries.'),
  theme('Communications', 'There are good formal and informal ways of sharing information within the setting and across its internal boundaries.'),
  theme('Culture', 'Values, beliefs and norms are shared across the setting.', [
    theme('Human Equality-Centeredness', 'Shared values, beliefs and norms that every human being is of equal worth.'),
    theme('Recipient-Centeredness', 'Shared values, beliefs and norms about caring for and meeting the needs and welfare of the people who receive the innovation.'),
    theme('Deliverer-Centeredness', 'Shared values, beliefs and norms about caring for and meeting the needs and welfare of the people who deliver the innovation.'),
    theme('Learning-Centeredness', 'Shared values, beliefs and norms about psychological safety, continual improvement and using data to guide practice.'),
  ]),
  theme('Tension for Change', 'The current situation is seen as intolerable and needing to change.'),
  theme('Compatibility', 'The innovation fits existing workflows, systems and processes.'),
  theme('Relative Priority', 'Implementing and delivering the innovation matters more than other initiatives competing for attention.'),
  theme('Incentive Systems', 'Rewards or incentives, tangible or not, and sanctions or disincentives support implementing and delivering the innovation.'),
  theme('Mission Alignment', 'Implementing and delivering the innovation fits the setting\'s overall commitment, purpose and goals.'),
  theme('Available Resources', 'The resources needed to implement and deliver the innovation are available.', [
    theme('Funding', 'Money is available to implement and deliver the innovation.'),
    theme('Space', 'Physical space is available to implement and deliver the innovation.'),
    theme('Materials & Equipment', 'Supplies and equipment are available to implement and deliver the innovation.'),
  ]),
  theme('Access to Knowledge & Information', 'Guidance and training on implementing and delivering the innovation are easy to get.'),
])

const INDIVIDUALS = theme('Individuals', 'The roles people play in implementing and delivering the innovation, and their characteristics.', [
  theme('Roles', 'Who is involved, by role.', [
    theme('High-level Leaders', 'People with a high level of authority: key decision-makers, executives, directors.'),
    theme('Mid-level Leaders', 'People with a moderate level of authority, who report to a high-level leader and supervise others.'),
    theme('Opinion Leaders', 'People with informal influence over what others think and do.'),
    theme('Implementation Facilitators', 'People with relevant expertise who help, coach or support the implementation.'),
    theme('Implementation Leads', 'People who lead the work of implementing the innovation.'),
    theme('Implementation Team Members', 'People who work with and support the Implementation Leads, ideally including deliverers and recipients of the innovation.'),
    theme('Other Implementation Support', 'Other people who support the Implementation Leads or team members.'),
    theme('Innovation Deliverers', 'People who deliver the innovation, directly or indirectly.'),
    theme('Innovation Recipients', 'People who receive the innovation, directly or indirectly.'),
  ]),
  theme('Characteristics', 'What the people in those roles bring to them.', [
    theme('Need', 'The person has unmet needs (for survival, well-being or personal fulfilment) that the innovation will address.'),
    theme('Capability', 'The person has the interpersonal skills, knowledge and abilities to fulfil their role.'),
    theme('Opportunity', 'The person has the time, remit and power to fulfil their role.'),
    theme('Motivation', 'The person is committed to fulfilling their role.'),
  ]),
])

const IMPLEMENTATION_PROCESS = theme('Implementation Process', 'The activities and strategies used to implement the innovation.', [
  theme('Teaming', 'Working together on purpose, coordinating and collaborating on interdependent tasks, to implement the innovation.'),
  theme('Assessing Needs', 'Finding out the priorities, preferences and needs of the people involved.', [
    theme('Innovation Deliverers', 'Finding out what the people who deliver the innovation need and prefer, to guide implementation.'),
    theme('Innovation Recipients', 'Finding out what the people who receive the innovation need and prefer, to guide implementation.'),
  ]),
  theme('Assessing Context', 'Finding and weighing up the barriers to and enablers of implementing and delivering the innovation.'),
  theme('Planning', 'Agreeing roles and responsibilities, steps and milestones, and goals and measures of success, in advance.'),
  theme('Tailoring Strategies', 'Choosing and putting into practice implementation strategies that address barriers, use enablers and fit the context.'),
  theme('Engaging', 'Attracting and encouraging people to take part in the implementation or the innovation.', [
    theme('Innovation Deliverers', 'Attracting and encouraging deliverers to join the implementation team or to deliver the innovation.'),
    theme('Innovation Recipients', 'Attracting and encouraging recipients to take part in the innovation.'),
  ]),
  theme('Doing', 'Implementing in small steps, tests or cycles of change, to try out and step by step improve delivery.'),
  theme('Reflecting & Evaluating', 'Gathering and discussing numbers and stories about how well things are going.', [
    theme('Implementation', 'Gathering and discussing numbers and stories about how well the implementation is going.'),
    theme('Innovation', 'Gathering and discussing numbers and stories about how well the innovation is working.'),
  ]),
  theme('Adapting', 'Changing the innovation or the Inner Setting so that they fit and work together in everyday practice.'),
])

/** CFIR 2.0: 5 domains, 48 constructs and 19 sub-constructs (the Individuals domain through its Roles and Characteristics sub-domains). */
export const CFIR_2: CodebookFrame = {
  key: 'cfir-2',
  name: 'CFIR 2.0',
  source:
    'Damschroder LJ, Reardon CM, Widerquist MAO, Lowery J. The updated Consolidated Framework for Implementation Research based on user feedback. ' +
    'Implementation Science 2022;17:75. https://doi.org/10.1186/s13012-022-01245-0. Published under the Creative Commons Attribution 4.0 licence (CC BY 4.0); ' +
    'construct names as in the paper, definitions paraphrased by LHS.',
  themes: [INNOVATION, OUTER_SETTING, INNER_SETTING, INDIVIDUALS, IMPLEMENTATION_PROCESS],
}
