import pathways from '@pathways/eslint-config';

export default pathways;
